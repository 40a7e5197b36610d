#!/usr/bin/env bash
# Benchmarks sqlitch-maven-plugin against its peers on the same N CREATE TABLE changes in SQLite:
#
#   bench/peers.sh [N...]        (default: 100 1000)
#
#   mvn sqlitch:deploy   vs  mvn flyway:migrate (flyway-maven-plugin)  vs  mvn liquibase:update
#                            (liquibase-maven-plugin)                  vs  sqitch deploy
#   status: sqlitch:status / flyway:info / liquibase:status / sqitch status        (after the deploy)
#   no-op:  the same deploy again, nothing left to do
#   and Maven's own start-up: mvn validate on the same pom.
#
# Builds nothing: first run ./mvnw -B -q package -DskipTests -Dinvoker.skip. The plugin jar of target/ goes into a
# private local repository in front of ~/.m2 (see lib.sh); the first run downloads the peers' plugins into it
# (ONLINE=1 is implied when they are missing). Every tool runs on a fresh copy of its own project, paired per
# repetition and in a rotating order so that none always meets a warm or a cold cache. Prints the medians
# (seconds, whole processes) and the ratios plugin / other.
#
# FSYNCS=1 bench/peers.sh 10 30 counts instead of timing: the fsync/fdatasync and execve calls of each tool's
# deploy under strace -f, and per change (the difference between the two sizes divided by theirs).
#
# Environment: REPS (default 5), QUIET_LOAD (wait before each pairing until the 1-minute load average is below
# it, e.g. 0.5; QUIET_MAX_WAIT seconds at most, default 300), SKIP_SQITCH=1, MVN (the mvn binary).
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
WORK=$(mktemp -d "${TMPDIR:-/tmp}/sqlitch-peers.XXXXXX")
trap 'rm -rf "$WORK"' EXIT
# shellcheck source=bench/lib.sh
. "$ROOT/bench/lib.sh"

REPS=${REPS:-5}
SIZES=("$@")
[ ${#SIZES[@]} -eq 0 ] && SIZES=(100 1000)
FLYWAY_VERSION=13.12.0
LIQUIBASE_VERSION=4.33.0
SQLITE_JDBC_VERSION=$(sed -n 's:.*<sqlite-jdbc.version>\(.*\)</sqlite-jdbc.version>.*:\1:p' "$ROOT/pom.xml")
MAVEN=$(bench_maven)
setup_repo
SQITCH=$(command -v sqitch || true)
[ "${SKIP_SQITCH:-0}" = 1 ] && SQITCH=

bench_identity
# No phoning home: neither peer may spend the measured time on the network.
export REDGATE_DISABLE_TELEMETRY=true LIQUIBASE_ANALYTICS_ENABLED=false LIQUIBASE_SHOW_BANNER=false

# peer_pom DIR PLUGIN-XML: a pom project with one plugin that gets sqlite-jdbc as its dependency.
peer_pom() {
    cat > "$1/pom.xml" <<POM
<project xmlns="http://maven.apache.org/POM/4.0.0"><modelVersion>4.0.0</modelVersion>
<groupId>bench</groupId><artifactId>bench</artifactId><version>1</version><packaging>pom</packaging>
<build><plugins><plugin>$2
<dependencies><dependency><groupId>org.xerial</groupId><artifactId>sqlite-jdbc</artifactId>
<version>$SQLITE_JDBC_VERSION</version></dependency></dependencies></plugin></plugins></build></project>
POM
}

# generate_flyway DIR N: versioned migrations V00001__t00001.sql ..., each one CREATE TABLE.
generate_flyway() {
    local dir=$1 n=$2 i name
    mkdir -p "$dir/migrations"
    peer_pom "$dir" "<groupId>org.flywaydb</groupId><artifactId>flyway-maven-plugin</artifactId>
<version>$FLYWAY_VERSION</version><configuration><url>jdbc:sqlite:\${project.basedir}/bench.db</url>
<locations><location>filesystem:\${project.basedir}/migrations</location></locations></configuration>"
    for ((i = 1; i <= n; i++)); do
        name=$(printf 't%05d' "$i")
        printf 'CREATE TABLE %s (id INTEGER PRIMARY KEY, v TEXT);\n' "$name" > "$dir/migrations/V$((i))__$name.sql"
    done
}

# generate_liquibase DIR N: a master changelog including one formatted-SQL changeset file per change.
generate_liquibase() {
    local dir=$1 n=$2 i name
    mkdir -p "$dir/changes"
    peer_pom "$dir" "<groupId>org.liquibase</groupId><artifactId>liquibase-maven-plugin</artifactId>
<version>$LIQUIBASE_VERSION</version><configuration><url>jdbc:sqlite:\${project.basedir}/bench.db</url>
<changeLogFile>changelog.xml</changeLogFile><searchPath>\${project.basedir}</searchPath>
<promptOnNonLocalDatabase>false</promptOnNonLocalDatabase></configuration>"
    {
        echo '<?xml version="1.0" encoding="UTF-8"?>'
        echo '<databaseChangeLog xmlns="http://www.liquibase.org/xml/ns/dbchangelog"'
        echo '  xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"'
        echo '  xsi:schemaLocation="http://www.liquibase.org/xml/ns/dbchangelog http://www.liquibase.org/xml/ns/dbchangelog/dbchangelog-4.33.xsd">'
        for ((i = 1; i <= n; i++)); do
            name=$(printf 't%05d' "$i")
            printf -- '--liquibase formatted sql\n--changeset bench:%s\nCREATE TABLE %s (id INTEGER PRIMARY KEY, v TEXT);\n--rollback DROP TABLE %s;\n' \
                "$name" "$name" "$name" > "$dir/changes/$name.sql"
            printf '  <include file="changes/%s.sql"/>\n' "$name"
        done
        echo '</databaseChangeLog>'
    } > "$dir/changelog.xml"
}

FLYWAY="org.flywaydb:flyway-maven-plugin:$FLYWAY_VERSION"
LIQUIBASE="org.liquibase:liquibase-maven-plugin:$LIQUIBASE_VERSION"
TOOLS=(sqlitch flyway liquibase)
[ -n "$SQITCH" ] && TOOLS+=(sqitch)

# command TOOL VERB: the command line of TOOL for deploy, status or noop (a second deploy).
command_of() {
    case $1:$2 in
        sqlitch:deploy | sqlitch:noop) echo mvn_run "$PLUGIN:deploy" ;;
        sqlitch:status) echo mvn_run "$PLUGIN:status" ;;
        flyway:deploy | flyway:noop) echo mvn_run "$FLYWAY:migrate" ;;
        flyway:status) echo mvn_run "$FLYWAY:info" ;;
        liquibase:deploy | liquibase:noop) echo mvn_run "$LIQUIBASE:update" ;;
        liquibase:status) echo mvn_run "$LIQUIBASE:status" ;;
        sqitch:deploy | sqitch:noop) echo "$SQITCH" deploy ;;
        sqitch:status) echo "$SQITCH" status ;;
    esac
}

# The peers' plugins come from Maven Central once, into the private repository.
resolve_peers() {
    local t=$WORK/resolve
    rm -rf "$t"; mkdir -p "$t/flyway" "$t/liquibase"
    generate_flyway "$t/flyway" 1; generate_liquibase "$t/liquibase" 1
    (cd "$t/flyway" && "$MAVEN" -B -q "${MVN_OPTS_REPO[@]}" "$FLYWAY:migrate" > "$WORK/resolve.out" 2>&1) \
        && (cd "$t/liquibase" && "$MAVEN" -B -q "${MVN_OPTS_REPO[@]}" "$LIQUIBASE:update" >> "$WORK/resolve.out" 2>&1) \
        || { echo "Cannot run the peers' plugins:" >&2; tail -30 "$WORK/resolve.out" >&2; exit 1; }
}
if [ ! -d "$M2/org/flywaydb/flyway-maven-plugin/$FLYWAY_VERSION" ] \
        || [ ! -d "$M2/org/liquibase/liquibase-maven-plugin/$LIQUIBASE_VERSION" ]; then
    resolve_peers
fi

# check_tables DB N TOOL: every tool must really have created the N tables (not measured).
check_tables() {
    local got
    got=$(sqlite3 "$1" "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name GLOB 't[0-9]*'")
    [ "$got" = "$2" ] || { echo "FAILED: $3 created $got tables, not $2" >&2; exit 1; }
}

# syscalls FILE: "fsyncs execs" from an strace -c summary (fsync and fdatasync added up).
syscalls() {
    awk '$NF == "fsync" || $NF == "fdatasync" {f += $4} $NF == "execve" {e += $4} END {printf "%d %d", f, e}' "$1"
}

if [ "${FSYNCS:-0}" = 1 ]; then
    [ ${#SIZES[@]} -eq 2 ] || { echo "FSYNCS=1 needs two sizes, e.g. 10 30" >&2; exit 2; }
    printf '%-10s %18s %18s %22s\n' tool "fsyncs N=${SIZES[0]}/${SIZES[1]}" "execs N=${SIZES[0]}/${SIZES[1]}" "per change: fsync exec"
    for tool in "${TOOLS[@]}"; do
        for n in "${SIZES[@]}"; do
            rm -rf "$WORK/run/$tool"; mkdir -p "$WORK/run"
            case $tool in
                sqlitch | sqitch) generate_sqitch "$WORK/run/$tool" "$n" ;;
                flyway) generate_flyway "$WORK/run/$tool" "$n" ;;
                liquibase) generate_liquibase "$WORK/run/$tool" "$n" ;;
            esac
            read -r -a cmd <<< "$(command_of "$tool" deploy)"
            [ "${cmd[0]}" = mvn_run ] && cmd=("$MAVEN" -B -q -o "${MVN_OPTS_REPO[@]}" "${cmd[@]:1}")
            timed "strace-$tool-$n" "$WORK/run/$tool" strace -f -c -e trace=fsync,fdatasync,execve -o "$WORK/strace-$tool-$n" "${cmd[@]}"
            check_tables "$WORK/run/$tool/bench.db" "$n" "$tool"
        done
        read -r f1 e1 <<< "$(syscalls "$WORK/strace-$tool-${SIZES[0]}")"
        read -r f2 e2 <<< "$(syscalls "$WORK/strace-$tool-${SIZES[1]}")"
        d=$((SIZES[1] - SIZES[0]))
        printf '%-10s %18s %18s %11s %10s\n' "$tool" "$f1/$f2" "$e1/$e2" "$(ratio $((f2 - f1)) $d)" "$(ratio $((e2 - e1)) $d)"
    done
    exit 0
fi

# report N: the medians and ratios of size N (printed as soon as N is done, so a cut-short run keeps them).
report() {
    local n=$1 verb o f l s
    for verb in deploy status noop; do
        o=$(median "$n-$verb-sqlitch"); f=$(median "$n-$verb-flyway"); l=$(median "$n-$verb-liquibase")
        s=$(median "$n-$verb-sqitch")
        printf '%6s  %-7s %8s %8s %9s %8s   %7s %9s %7s\n' "$n" "$verb" "$o" "$f" "$l" "$s" \
            "$(ratio "$o" "$f")" "$(ratio "$o" "$l")" "$(ratio "$o" "$s")"
    done
    printf '%6s  %-7s %8s   (mvn validate on the same pom: Maven'"'"'s own start-up)\n' "$n" validate "$(median "$n-validate-maven")"
}

for n in "${SIZES[@]}"; do
    generate_sqitch "$WORK/template-$n/sqlitch" "$n"
    cp -r "$WORK/template-$n/sqlitch" "$WORK/template-$n/sqitch"
    generate_flyway "$WORK/template-$n/flyway" "$n"
    generate_liquibase "$WORK/template-$n/liquibase" "$n"
    for ((r = 0; r < REPS; r++)); do
        for tool in "${TOOLS[@]}"; do
            rm -rf "$WORK/run/$tool"; mkdir -p "$WORK/run"; cp -r "$WORK/template-$n/$tool" "$WORK/run/$tool"
        done
        read -r -a order <<< "$(rotated "$r" "${TOOLS[@]}")"
        for verb in deploy status noop; do
            wait_quiet
            for tool in "${order[@]}"; do
                read -r -a cmd <<< "$(command_of "$tool" "$verb")"
                timed "$n-$verb-$tool" "$WORK/run/$tool" "${cmd[@]}"
            done
            if [ "$verb" = deploy ]; then
                for tool in "${TOOLS[@]}"; do check_tables "$WORK/run/$tool/bench.db" "$n" "$tool"; done
                timed "$n-validate-maven" "$WORK/run/sqlitch" mvn_run validate
            fi
        done
        echo "N=$n repetition $((r + 1)) of $REPS done (load $(tail -1 "$WORK/loads"))" >&2
    done
    report "$n" >&2
done

echo
echo "All sizes:"
echo "Medians of $REPS runs, seconds per command (whole process); ratio = sqlitch / other"
printf '%6s  %-7s %8s %8s %9s %8s   %7s %9s %7s\n' N command sqlitch flyway liquibase sqitch /flyway /liquibase /sqitch
for n in "${SIZES[@]}"; do report "$n"; done
echo "Load average (1 min) at each pairing: $(load_summary); $(nproc) cores"
