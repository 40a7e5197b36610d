#!/usr/bin/env python3
"""Where one deploy's time goes per change, from a PostgreSQL server log written with log_connections = on and
log_min_duration_statement = 0 (bench/pg.sh with PHASES=1 sets both on its own cluster).

    bench/pg-phases.py LOG [SKIP]

LOG holds one deploy's lines only. A change is one script session (a backend that is not the registry's: the
registry session is the one with the most statements); SKIP (default 0.3) is the share of the first changes left
out, while the JIT warms up. Per change, from the previous script's last statement to this script's last one:

    registry        the registry's statements after the previous script, up to the last one before this session
    spawn/connect   from there until the server receives this session's connection (psql's process start, or
                    pgjdbc opening its socket)
    backend start   connection received -> authorized (the server forks the backend)
    client start-up authorized -> the session's first statement (client start-up queries)
    script          the session's first statement -> its last (the script's statements and the client's own)

Prints each phase's median and mean in milliseconds (log times have millisecond resolution) and the number of
statements per change on each side.
"""
import re
import statistics
import sys

LINE = re.compile(r'^\S+ (\d+):(\d+):([\d.]+) \S+ \[(\d+)\] LOG:  (.*)')


def events(path):
    """(seconds, pid, kind) per logged connection and statement."""
    out = []
    with open(path, encoding='utf-8', errors='replace') as f:
        for text in f:
            m = LINE.match(text)
            if not m:
                continue
            t = int(m[1]) * 3600 + int(m[2]) * 60 + float(m[3])
            msg = m[5]
            if msg.startswith('connection received'):
                kind = 'received'
            elif msg.startswith('connection authorized'):
                kind = 'authorized'
            elif 'statement: ' in msg or ' execute ' in msg:
                kind = 'statement'
            else:
                continue
            out.append((t, m[4], kind))
    return out


def phases(evs, skip):
    statements = {}
    for _, pid, kind in evs:
        if kind == 'statement':
            statements[pid] = statements.get(pid, 0) + 1
    if not statements:
        sys.exit('no statements in the log: was log_min_duration_statement = 0 set?')
    registry = max(statements, key=statements.get)
    sessions = {}
    order = []
    for t, pid, kind in evs:
        if pid == registry:
            continue
        s = sessions.setdefault(pid, {})
        if not s:
            order.append(pid)
        if kind == 'statement':
            s.setdefault('first', t)
            s['last'] = t
        else:
            s.setdefault(kind, t)
    order = [p for p in order if {'received', 'authorized', 'first'} <= sessions[p].keys()]
    reg_times = [t for t, pid, kind in evs if pid == registry and kind == 'statement']
    result = {}
    for prev, pid in zip(order, order[1:]):
        if order.index(pid) < skip * len(order):
            continue
        p, s = sessions[prev], sessions[pid]
        between = [t for t in reg_times if p['last'] <= t <= s['received']]
        reg_end = between[-1] if between else p['last']
        for name, a, b in (('registry', p['last'], reg_end), ('spawn/connect', reg_end, s['received']),
                           ('backend start', s['received'], s['authorized']),
                           ('client start-up', s['authorized'], s['first']), ('script', s['first'], s['last'])):
            result.setdefault(name, []).append((b - a) * 1000)
    changes = len(order)
    per_change = (statements[registry] / changes, sum(v for k, v in statements.items() if k != registry) / changes)
    return result, per_change


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    skip = float(sys.argv[2]) if len(sys.argv) > 2 else 0.3
    result, (reg, scripts) = phases(events(sys.argv[1]), skip)
    if not result:
        sys.exit('fewer than two script sessions in the log')
    n = len(result['script'])
    print(f'  {n} changes; per change, milliseconds (median / mean):')
    med = mean = 0.0
    for name, values in result.items():
        med += statistics.median(values)
        mean += statistics.mean(values)
        print(f'    {name:16s} {statistics.median(values):6.1f} / {statistics.mean(values):6.1f}')
    print(f'    {"sum":16s} {med:6.1f} / {mean:6.1f}')
    print(f'  statements per change: {reg:.1f} on the registry session, {scripts:.1f} in the script session')


if __name__ == '__main__':
    main()
