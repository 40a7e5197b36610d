#!/usr/bin/env python3
"""Writes a Sqitch SQLite project whose plan looks like a grown-up one, for looking at sqlitch:graph output.

usage: graph-plan.py DIR [N]   (N changes, default 300)

Changes require one to three earlier ones (mostly recent, now and then a core table), a tag every 25 changes,
a rework of an earlier change after most tags (requiring it at the tag), a few conflicts with changes
another project dropped, and dependencies on two other projects, whose own small plans go to DIR/peers/auth and
DIR/peers/billing (deploy them first to the same database). Deterministic: the same N gives the same plan.
"""
import os
import random
import sys

directory = sys.argv[1]
n = int(sys.argv[2]) if len(sys.argv) > 2 else 300
rng = random.Random(12)
areas = ["users", "accounts", "orders", "items", "invoices", "payments", "audit", "search", "reports", "events",
         "sessions", "teams", "flags", "billing", "emails"]
kinds = ["table", "index", "view", "trigger", "column", "fk", "backfill"]
planner = "Marge N. O\u2019Vera <marge@example.com>"
external = ["auth:users", "auth:roles", "billing:invoices@v2.0", "auth:sessions"]

lines = ["%syntax-version=1.0.0", "%project=shop", "%uri=https://example.com/shop/", ""]
names = []
day = 0
tag_count = 0
last_tag = None
reworkable = []
made = 0
second = 0


def stamp():
    global second
    second += 97
    return "2025-%02d-%02dT%02d:%02d:%02dZ" % (1 + (second // 2419200) % 12, 1 + (second // 86400) % 28,
                                              (second // 3600) % 24, (second // 60) % 60, second % 60)


while made < n:
    made += 1
    if last_tag and reworkable and made % 25 == 3 and tag_count % 4 != 3:
        name = rng.choice(reworkable)
        reworkable.remove(name)
        deps = [name + "@" + last_tag]
        if rng.random() < 0.5:
            deps.append(rng.choice(names[-10:]))
        note = "Reworks %s after %s." % (name, last_tag)
    else:
        name = "%s_%s_%d" % (rng.choice(areas), rng.choice(kinds), made)
        deps = []
        if names:
            deps.append(names[-1] if rng.random() < 0.55 else rng.choice(names[-12:]))
            if rng.random() < 0.35:
                deps.append(rng.choice(names[:10]))
            if rng.random() < 0.2:
                deps.append(rng.choice(names))
        if rng.random() < 0.03:
            deps.append(rng.choice(external))
        if made > 40 and rng.random() < 0.02:
            deps.append("!billing:legacy_" + rng.choice(areas))
        note = "Adds %s." % name.replace("_", " ")
        if rng.random() < 0.3:
            reworkable.append(name)
    seen = []
    for d in deps:
        if d not in seen and d != name:
            seen.append(d)
    dep_text = " [" + " ".join(seen) + "]" if seen else ""
    lines.append("%s%s %s %s # %s" % (name, dep_text, stamp(), planner, note))
    if name not in names:
        names.append(name)
    if made % 25 == 0:
        tag_count += 1
        last_tag = "v1.%d" % tag_count
        lines.append("@%s %s %s # Release %s." % (last_tag, stamp(), planner, last_tag))
        lines.append("")

os.makedirs(directory, exist_ok=True)
with open(os.path.join(directory, "sqitch.plan"), "w", encoding="utf-8") as f:
    f.write("\n".join(lines) + "\n")
with open(os.path.join(directory, "sqitch.conf"), "w", encoding="utf-8") as f:
    f.write("[core]\n\tengine = sqlite\n")

peers = {"auth": ["users", "roles", "sessions"], "billing": ["invoices"]}
for project, changes in peers.items():
    peer = os.path.join(directory, "peers", project)
    os.makedirs(peer, exist_ok=True)
    text = ["%syntax-version=1.0.0", "%project=" + project, ""]
    for change in changes:
        text.append("%s %s %s # Adds %s." % (change, stamp(), planner, change))
    text.append("@v2.0 %s %s # Release v2.0." % (stamp(), planner))
    with open(os.path.join(peer, "sqitch.plan"), "w", encoding="utf-8") as f:
        f.write("\n".join(text) + "\n")
    with open(os.path.join(peer, "sqitch.conf"), "w", encoding="utf-8") as f:
        f.write("[core]\n\tengine = sqlite\n")
