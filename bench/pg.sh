#!/usr/bin/env bash
# Benchmarks sqlitch-maven-plugin against real Sqitch on PostgreSQL, N CREATE TABLE changes on one local cluster:
#
#   bench/pg.sh [N...]           (default: 100 1000)
#
#   mvn sqlitch:deploy -Dsqlitch.target=db:pg://…/A     the plugin's default: scripts run in-process (no client)
#   mvn sqlitch:deploy … -Dsqlitch.client=/usr/bin/psql  the plugin running one psql per script, as Sqitch does
#   sqitch deploy db:pg://…/C                            real Sqitch: DBD::Pg for the registry, psql per script
#   then status and a no-op redeploy per tool, and mvn validate on the same pom (Maven's own start-up).
#
# Builds nothing: first run ./mvnw -B -q package -DskipTests -Dinvoker.skip (the jar goes into a private local
# repository, see lib.sh). Starts its own cluster with .ci/pg-cluster.sh (fsync=off, synchronous_commit=off, as
# the tests' cluster), unless SQLITCH_TEST_PGHOST/PORT/USER or PGHOST/PGPORT/PGUSER name one (trust
# authentication). Every repetition creates one fresh database per tool, runs the tools paired in a rotating
# order, checks that each database holds N deployed changes and N tables (so a broken deploy cannot look fast),
# notes each deploy's sessions and commits from pg_stat_database, and drops the databases. Prints the medians
# (seconds, whole processes), the ratios plugin / sqitch, the median of each repetition's deploy ratio and, with
# two sizes or more, the cost per change added (meaningful only when the load held steady across the sizes).
#
# PHASES=1 bench/pg.sh 300 profiles instead: one deploy per tool with the server logging every connection and
# statement, and per change the time spent in registry statements, starting a session and running the script.
#
# Environment: REPS (default 3), QUIET_LOAD / QUIET_MAX_WAIT (see lib.sh), MVN (the mvn binary), PSQL (the psql
# of the +psql column, and then Sqitch's --client too; default: psql on PATH, which is also Sqitch's default). On
# Debian /usr/bin/psql is pg_wrapper, a Perl script that starts the real psql: PSQL=/usr/lib/postgresql/15/bin/psql
# leaves it out for both.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
WORK=$(mktemp -d "${TMPDIR:-/tmp}/sqlitch-pgbench.XXXXXX")
CLUSTER=
cleanup() {
    if [ -n "$CLUSTER" ]; then pg_cluster_stop; rm -rf "$CLUSTER"; fi
    rm -rf "$WORK"
}
trap cleanup EXIT
# shellcheck source=bench/lib.sh
. "$ROOT/bench/lib.sh"
# shellcheck source=.ci/pg-cluster.sh
. "$ROOT/.ci/pg-cluster.sh"

REPS=${REPS:-3}
SIZES=("$@")
[ ${#SIZES[@]} -eq 0 ] && SIZES=(100 1000)
MAVEN=$(bench_maven)
setup_repo
SQITCH=$(command -v sqitch) || { echo "bench/pg.sh needs sqitch (and DBD::Pg) on PATH" >&2; exit 2; }
# Sqitch runs its default client (psql on PATH) unless PSQL names one; the +psql column runs the same program.
SQITCH_CLIENT=()
[ -n "${PSQL:-}" ] && SQITCH_CLIENT=(--client "$PSQL")
PSQL=${PSQL:-$(command -v psql)} || { echo "bench/pg.sh needs psql on PATH" >&2; exit 2; }
bench_identity
unset PGDATABASE PGSERVICE PGOPTIONS

if [ -n "${SQLITCH_TEST_PGHOST:-}" ]; then
    HOST=$SQLITCH_TEST_PGHOST PORT=${SQLITCH_TEST_PGPORT:-5432} USER_=${SQLITCH_TEST_PGUSER:-postgres}
elif [ -n "${PGHOST:-}" ]; then
    HOST=$PGHOST PORT=${PGPORT:-5432} USER_=${PGUSER:-postgres}
else
    # Its own directory (not under WORK): as root the server runs as postgres, which must own the path.
    CLUSTER=$(mktemp -d "${TMPDIR:-/tmp}/sqlitch-pgbench-cluster.XXXXXX")
    pg_cluster_start "$CLUSTER" > /dev/null
    HOST=$SQLITCH_TEST_PGHOST PORT=$SQLITCH_TEST_PGPORT USER_=$SQLITCH_TEST_PGUSER
fi

# sql DB QUERY: one value from QUERY on DB, through psql (not measured).
sql() { PGOPTIONS='-c client_min_messages=warning' "$PSQL" -X -q -A -t -h "$HOST" -p "$PORT" -U "$USER_" -d "$1" -v ON_ERROR_STOP=1 -c "$2"; }
sql postgres 'SELECT 1' > /dev/null || { echo "Cannot reach PostgreSQL at $HOST:$PORT as $USER_" >&2; exit 2; }
SERVER=$(sql postgres 'SHOW server_version'); FSYNC=$(sql postgres 'SHOW fsync')
uri() { echo "db:pg://$USER_@$HOST:$PORT/$1"; }

TOOLS=(sqlitch psql sqitch)
# command_of TOOL VERB DB: the command line of TOOL for deploy, status or noop (a second deploy) on DB.
command_of() {
    local target
    target=$(uri "$3")
    case $1:$2 in
        sqlitch:deploy | sqlitch:noop) echo mvn_run "$PLUGIN:deploy" "-Dsqlitch.target=$target" ;;
        sqlitch:status) echo mvn_run "$PLUGIN:status" "-Dsqlitch.target=$target" ;;
        psql:deploy | psql:noop) echo mvn_run "$PLUGIN:deploy" "-Dsqlitch.target=$target" "-Dsqlitch.client=$PSQL" ;;
        psql:status) echo mvn_run "$PLUGIN:status" "-Dsqlitch.target=$target" "-Dsqlitch.client=$PSQL" ;;
        sqitch:deploy | sqitch:noop) echo "$SQITCH" deploy "${SQITCH_CLIENT[@]}" "$target" ;;
        sqitch:status) echo "$SQITCH" status "$target" ;;
    esac
}

# check_deployed DB N TOOL: the registry must list N deployed changes and the schema N tables (not measured).
check_deployed() {
    local changes tables
    changes=$(sql "$1" "SELECT count(*) FROM sqitch.changes WHERE project = 'bench'")
    tables=$(sql "$1" "SELECT count(*) FROM pg_tables WHERE schemaname = 'public' AND tablename LIKE 't%'")
    [ "$changes" = "$2" ] && [ "$tables" = "$2" ] \
        || { echo "FAILED: $3 deployed $changes changes and $tables tables on $1, not $2" >&2; exit 1; }
}

# note_sessions LABEL DB: DB's sessions and commits so far (the deploy's, on a fresh database), into LABEL.
note_sessions() {
    local row tries=0
    rm -f "$WORK/stat-$2"
    # A backend's counters reach the statistics when it exits, which may trail its client's exit a little.
    while row=$(sql postgres "SELECT sessions, xact_commit FROM pg_stat_database WHERE datname = '$2'"); \
            [ "$row" != "$(cat "$WORK/stat-$2" 2> /dev/null)" ] && ((tries < 5)); do
        echo "$row" > "$WORK/stat-$2"; sleep 0.4; tries=$((tries + 1))
    done
    mkdir -p "$WORK/times"
    echo "${row%%|*}" >> "$WORK/times/$1-sessions"; echo "${row##*|}" >> "$WORK/times/$1-commits"
}

# counts LABEL: "sessions/commits", the medians noted by note_sessions, as integers.
counts() {
    awk -v s="$(median "$1-sessions")" -v c="$(median "$1-commits")" 'BEGIN {printf "%d/%d", s, c}'
}

# PHASES=1 bench/pg.sh N: no timing table; one deploy per tool with every statement and connection logged, and
# per change where the time goes (bench/pg-phases.py). Needs the script's own cluster (it reads its log).
if [ "${PHASES:-0}" = 1 ]; then
    [ -n "$CLUSTER" ] || { echo "PHASES=1 needs bench/pg.sh's own cluster: unset SQLITCH_TEST_PGHOST and PGHOST" >&2; exit 2; }
    sql postgres "ALTER SYSTEM SET log_connections = on" > /dev/null; sql postgres "SELECT pg_reload_conf()" > /dev/null
    n=${SIZES[0]}
    generate_sqitch "$WORK/template" "$n" pg
    for tool in "${TOOLS[@]}"; do
        rm -rf "$WORK/run"; mkdir -p "$WORK/run"; cp -r "$WORK/template" "$WORK/run/$tool"
        sql postgres "CREATE DATABASE phases_$tool" > /dev/null
        sql postgres "ALTER DATABASE phases_$tool SET log_min_duration_statement = 0" > /dev/null
        offset=$(stat -c %s "$CLUSTER/server.log")
        read -r -a cmd <<< "$(command_of "$tool" deploy "phases_$tool")"
        timed "phases-$tool" "$WORK/run/$tool" "${cmd[@]}"
        sleep 1
        tail -c +$((offset + 1)) "$CLUSTER/server.log" > "$WORK/phases-$tool.log"
        check_deployed "phases_$tool" "$n" "$tool"
        echo "$tool: deploy of $n changes, $(median "phases-$tool") s (load $(cut -d' ' -f1 /proc/loadavg))"
        python3 "$ROOT/bench/pg-phases.py" "$WORK/phases-$tool.log"
    done
    echo "PostgreSQL $SERVER (fsync=$FSYNC), $(nproc) cores"
    exit 0
fi

# report N: the medians and ratios of size N (printed as soon as N is done, so a cut-short run keeps them).
report() {
    local n=$1 verb o p s
    for verb in deploy status noop; do
        o=$(median "$n-$verb-sqlitch"); p=$(median "$n-$verb-psql"); s=$(median "$n-$verb-sqitch")
        printf '%6s  %-7s %8s %8s %8s   %7s %7s %7s\n' "$n" "$verb" "$o" "$p" "$s" \
            "$(ratio "$o" "$s")" "$(ratio "$p" "$s")" "$(ratio "$o" "$p")"
    done
    printf '%6s  %-7s %8s   (mvn validate on the same pom: Maven'"'"'s own start-up)\n' "$n" validate "$(median "$n-validate-maven")"
    printf '%6s  %-7s %8s %8s %8s   (sessions / commits of one deploy, on the server)\n' "$n" server \
        "$(counts "$n-deploy-sqlitch")" "$(counts "$n-deploy-psql")" "$(counts "$n-deploy-sqitch")"
}

for n in "${SIZES[@]}"; do
    generate_sqitch "$WORK/template-$n" "$n" pg
    for ((r = 0; r < REPS; r++)); do
        declare -A db=()
        for tool in "${TOOLS[@]}"; do
            rm -rf "$WORK/run/$tool"; mkdir -p "$WORK/run"; cp -r "$WORK/template-$n" "$WORK/run/$tool"
            db[$tool]="bench_${tool}_$$"
            sql postgres "DROP DATABASE IF EXISTS ${db[$tool]}" > /dev/null
            sql postgres "CREATE DATABASE ${db[$tool]}" > /dev/null
        done
        read -r -a order <<< "$(rotated "$r" "${TOOLS[@]}")"
        for verb in deploy status noop; do
            wait_quiet
            for tool in "${order[@]}"; do
                read -r -a cmd <<< "$(command_of "$tool" "$verb" "${db[$tool]}")"
                timed "$n-$verb-$tool" "$WORK/run/$tool" "${cmd[@]}"
            done
            if [ "$verb" = deploy ]; then
                for tool in "${TOOLS[@]}"; do
                    check_deployed "${db[$tool]}" "$n" "$tool"
                    note_sessions "$n-deploy-$tool" "${db[$tool]}"
                done
                timed "$n-validate-maven" "$WORK/run/sqlitch" mvn_run validate
            fi
        done
        for tool in "${TOOLS[@]}"; do check_deployed "${db[$tool]}" "$n" "$tool"; done
        for tool in "${TOOLS[@]}"; do sql postgres "DROP DATABASE ${db[$tool]}" > /dev/null; done
        echo "N=$n repetition $((r + 1)) of $REPS done (load $(tail -1 "$WORK/loads"))" >&2
    done
    report "$n" >&2
done

HEADER=$(printf '%6s  %-7s %8s %8s %8s   %7s %7s %7s' N command sqlitch "+psql" sqitch /sqitch "+psql/s" /+psql)
echo
echo "All sizes:"
echo "Medians of $REPS runs, seconds per command (whole process). sqlitch: the plugin, scripts in-process;"
echo "+psql: the plugin with -Dsqlitch.client=$PSQL (psql per script); sqitch: sqitch deploy${SQITCH_CLIENT[*]:+ ${SQITCH_CLIENT[*]}} (psql per script)."
echo "$HEADER"
for n in "${SIZES[@]}"; do report "$n"; done
echo "Deploy, the median of the per-repetition ratios (each pairing back to back):"
for n in "${SIZES[@]}"; do
    printf '%6s  sqlitch/sqitch %s, +psql/sqitch %s\n' "$n" "$(paired_ratio "$n-deploy-sqlitch" "$n-deploy-sqitch")" \
        "$(paired_ratio "$n-deploy-psql" "$n-deploy-sqitch")"
done
if [ ${#SIZES[@]} -ge 2 ]; then
    a=${SIZES[0]} b=${SIZES[${#SIZES[@]} - 1]}
    echo "Deploy cost per change added, N=$a to N=$b (start-up cancels out), milliseconds:"
    for tool in "${TOOLS[@]}"; do
        awk -v x="$(median "$a-deploy-$tool")" -v y="$(median "$b-deploy-$tool")" -v d=$((b - a)) -v t="$tool" \
            'BEGIN {printf "  %-8s %7.1f\n", t, (y - x) * 1000 / d}'
    done
fi
echo "PostgreSQL $SERVER at $HOST:$PORT (fsync=$FSYNC$([ -n "$CLUSTER" ] && echo ', the private cluster of .ci/pg-cluster.sh'))"
echo "Load average (1 min) at each pairing: $(load_summary); $(nproc) cores"
