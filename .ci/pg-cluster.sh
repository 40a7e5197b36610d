# pg-cluster.sh -- a private PostgreSQL cluster for the tests. Sourced, not executed.
#
# pg_cluster_start <dir> runs initdb in <dir>/data (trust auth, UTF8, C.UTF-8), starts the server on
# 127.0.0.1 at a free port with its socket in <dir>/sock, and exports what the tests read:
#   SQLITCH_TEST_PGHOST, SQLITCH_TEST_PGPORT, SQLITCH_TEST_PGUSER (a superuser), SQLITCH_TEST_PGBIN.
# Every role may log in without a password except `sqlitch_pw` (scram-sha-256), which tests create.
# As root the server runs as the Debian `postgres` account (initdb and postgres refuse root).
# pg_cluster_stop stops it. Nothing listens beyond 127.0.0.1.

pg_cluster_bin() {
    local d
    for d in /usr/lib/postgresql/*/bin; do
        [ -x "$d/initdb" ] && { echo "$d"; return 0; }
    done
    return 1
}

pg_cluster_as_owner() {
    if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

pg_cluster_free_port() {
    python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])' 2>/dev/null \
        || perl -MIO::Socket::INET -e 'print IO::Socket::INET->new(Listen=>1,LocalAddr=>"127.0.0.1",LocalPort=>0)->sockport,"\n"'
}

pg_cluster_start() {
    local dir=$1 bin port
    bin=$(pg_cluster_bin) || { echo "pg-cluster: no PostgreSQL server binaries" >&2; return 1; }
    PG_CLUSTER_DATA=$dir/data
    PG_CLUSTER_BIN=$bin
    mkdir -p "$dir/data" "$dir/sock"
    [ "$(id -u)" = 0 ] && chown postgres:postgres "$dir" "$dir/data" "$dir/sock"
    chmod 700 "$dir/data"
    pg_cluster_as_owner env TZ=UTC LANG=C.UTF-8 LC_ALL=C.UTF-8 "$bin/initdb" -D "$dir/data" -U postgres \
        --auth=trust -E UTF8 --locale=C.UTF-8 --no-sync >"$dir/initdb.log" 2>&1 \
        || { cat "$dir/initdb.log" >&2; return 1; }
    # One role must give a password (the rest is trust), so the tests can try wrong and missing passwords.
    pg_cluster_as_owner sed -i '1i host all sqlitch_pw 127.0.0.1/32 scram-sha-256' "$dir/data/pg_hba.conf"
    port=$(pg_cluster_free_port)
    pg_cluster_as_owner env TZ=UTC LANG=C.UTF-8 LC_ALL=C.UTF-8 "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
        -o "-c listen_addresses=127.0.0.1 -p $port -c unix_socket_directories=$dir/sock -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=60 -c shared_buffers=16MB" \
        start >"$dir/pg_ctl.log" 2>&1 || { cat "$dir/pg_ctl.log" "$dir/server.log" >&2; return 1; }
    export SQLITCH_TEST_PGHOST=127.0.0.1 SQLITCH_TEST_PGPORT=$port SQLITCH_TEST_PGUSER=postgres SQLITCH_TEST_PGBIN=$bin
}

pg_cluster_stop() {
    [ -n "${PG_CLUSTER_DATA:-}" ] && [ -f "$PG_CLUSTER_DATA/postmaster.pid" ] || return 0
    pg_cluster_as_owner "$PG_CLUSTER_BIN/pg_ctl" -D "$PG_CLUSTER_DATA" -m fast -w stop >/dev/null 2>&1 || true
}
