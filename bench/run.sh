#!/usr/bin/env bash
# Benchmarks sqlitch-maven-plugin against real Sqitch on generated SQLite projects.
#
#   bench/run.sh [N...]          (default: 100 500 1000)
#
# Builds nothing: first run, from the repository root,
#   ./mvnw -B -q install -DskipTests -Dinvoker.skip
# which installs the plugin in ~/.m2 and compiles target/classes and target/test-classes (the in-process
# harnesses io.sqlitch.engine.InProcessBench and io.sqlitch.engine.CrashTrials live in the test classes).
#
# For each N it generates an N-change project (change tNNNNN creates a table and requires the previous change,
# a tag @vK after every 50th change, scripts in Sqitch's BEGIN…COMMIT template shape) and times, paired in the
# same run and interleaved per repetition, on fresh copies:
#   mvn sqlitch:deploy / status / verify / revert -Dsqlitch.yes   vs   sqitch deploy / status / verify / revert -y
#   mvn sqlitch:deploy -Dsqlitch.atomic (all changes in one transaction)
# and prints the medians (seconds, whole process including JVM/Perl start-up) and ratios ours/sqitch.
# Then the in-process figures (per-change deploy cost vs a bare JDBC loop; plan parse + status of 10,000
# changes) and, with CRASH_TRIALS=K (e.g. 50), K kill -9 crash trials on a 200-change project.
#
# Environment: REPS (repetitions, default 3), CRASH_TRIALS (default 0), SKIP_SQITCH=1, SKIP_INPROCESS=1.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
REPS=${REPS:-3}
CRASH_TRIALS=${CRASH_TRIALS:-0}
SIZES=("$@")
[ ${#SIZES[@]} -eq 0 ] && SIZES=(100 500 1000)
VERSION=$(sed -n 's:^  <version>\(.*\)</version>:\1:p' "$ROOT/pom.xml" | head -1)
PLUGIN="io.sqlitch:sqlitch-maven-plugin:$VERSION"
JAR=$(ls "$HOME"/.m2/repository/io/sqlitch/sqlitch-maven-plugin/"$VERSION"/sqlitch-maven-plugin-"$VERSION".jar 2>/dev/null || true)
if [ -z "$JAR" ] || [ ! -d "$ROOT/target/test-classes" ]; then
    echo "Install the plugin first: ./mvnw -B -q install -DskipTests -Dinvoker.skip" >&2
    exit 2
fi
# A private local repository (symlinks to ~/.m2's entries, a real copy of the plugin's version directory), so
# that another build installing the plugin while this runs cannot swap the jar under us. PLUGIN_JAR overrides the
# jar (e.g. target/sqlitch-maven-plugin-$VERSION.jar of this checkout).
WORK=$(mktemp -d "${TMPDIR:-/tmp}/sqlitch-bench.XXXXXX")
trap 'rm -rf "$WORK"' EXIT
M2=$WORK/m2
PLUGIN_DIR=io/sqlitch/sqlitch-maven-plugin/$VERSION
mkdir -p "$M2/$PLUGIN_DIR"
for e in "$HOME"/.m2/repository/*; do [ "$(basename "$e")" = io ] || ln -s "$e" "$M2/"; done
for e in "$HOME"/.m2/repository/io/*; do [ "$(basename "$e")" = sqlitch ] || ln -s "$e" "$M2/io/"; done
for e in "$HOME"/.m2/repository/io/sqlitch/*; do
    [ "$(basename "$e")" = sqlitch-maven-plugin ] || ln -s "$e" "$M2/io/sqlitch/"
done
cp "$HOME/.m2/repository/$PLUGIN_DIR"/* "$M2/$PLUGIN_DIR/"
cp "${PLUGIN_JAR:-$JAR}" "$M2/$PLUGIN_DIR/sqlitch-maven-plugin-$VERSION.jar"
SQLITE_JDBC=$(ls "$HOME"/.m2/repository/org/xerial/sqlite-jdbc/*/sqlite-jdbc-*.jar | sort -V | tail -1)
CP="$ROOT/target/classes:$ROOT/target/test-classes:$SQLITE_JDBC"
SQITCH=$(command -v sqitch || true)
[ "${SKIP_SQITCH:-0}" = 1 ] && SQITCH=

mkdir -p "$WORK/home"
printf '[user]\n\tname = Bench Marker\n\temail = bench@example.com\n' > "$WORK/home/user.conf"
export SQITCH_USER_CONFIG="$WORK/home/user.conf" SQITCH_SYSTEM_CONFIG="$WORK/home/nonexistent" TZ=UTC LC_ALL=C.UTF-8

# generate DIR N: the project (same shape as io.sqlitch.testing.GeneratedProject).
generate() {
    local dir=$1 n=$2 i name prev=
    mkdir -p "$dir/deploy" "$dir/revert" "$dir/verify"
    printf '[core]\n\tengine = sqlite\n[engine "sqlite"]\n\ttarget = db:sqlite:bench.db\n' > "$dir/sqitch.conf"
    cat > "$dir/pom.xml" <<POM
<project xmlns="http://maven.apache.org/POM/4.0.0"><modelVersion>4.0.0</modelVersion>
<groupId>bench</groupId><artifactId>bench</artifactId><version>1</version><packaging>pom</packaging>
<build><plugins><plugin><groupId>io.sqlitch</groupId><artifactId>sqlitch-maven-plugin</artifactId>
<version>$VERSION</version></plugin></plugins></build></project>
POM
    {
        printf '%%syntax-version=1.0.0\n%%project=bench\n\n'
        for ((i = 1; i <= n; i++)); do
            name=$(printf 't%05d' "$i")
            ts=$(date -u -d "@$((1767225600 + i))" +%Y-%m-%dT%H:%M:%SZ)
            printf '%s%s %s Bench Marker <bench@example.com> # Adds %s.\n' "$name" "${prev:+ [$prev]}" "$ts" "$name"
            printf 'BEGIN;\nCREATE TABLE %s (id INTEGER PRIMARY KEY, v TEXT);\nCOMMIT;\n' "$name" > "$dir/deploy/$name.sql"
            printf 'BEGIN;\nDROP TABLE %s;\nCOMMIT;\n' "$name" > "$dir/revert/$name.sql"
            printf 'BEGIN;\nSELECT id, v FROM %s WHERE 0;\nROLLBACK;\n' "$name" > "$dir/verify/$name.sql"
            if ((i % 50 == 0)); then
                printf '@v%d %s Bench Marker <bench@example.com> # Tag v%d.\n' $((i / 50)) "$ts" $((i / 50))
            fi
            prev=$name
        done
    } > "$dir/sqitch.plan"
}

# timed LABEL DIR CMD...: runs CMD in DIR, appends the seconds to $WORK/times/LABEL; fails loudly on error.
timed() {
    local label=$1 dir=$2; shift 2
    local t0 t1
    t0=$(date +%s.%N)
    if ! (cd "$dir" && "$@" > "$WORK/last.out" 2>&1 < /dev/null); then
        echo "FAILED: $label: $*" >&2; tail -20 "$WORK/last.out" >&2; exit 1
    fi
    t1=$(date +%s.%N)
    mkdir -p "$WORK/times"
    echo "$t1 - $t0" | bc -l >> "$WORK/times/$label"
}

median() {
    [ -f "$WORK/times/$1" ] || { echo "-"; return; }
    sort -g "$WORK/times/$1" | awk '{v[NR]=$1} END {m = NR % 2 ? v[(NR+1)/2] : (v[NR/2]+v[NR/2+1])/2; printf "%.2f", m}'
}

mvn_goal() { mvn -B -q -o -Dmaven.repo.local="$M2" "$PLUGIN:$1" "${@:2}"; }

for n in "${SIZES[@]}"; do
    generate "$WORK/template-$n" "$n"
    for ((r = 1; r <= REPS; r++)); do
        rm -rf "$WORK/ours" "$WORK/sqitch" "$WORK/atomic"
        cp -r "$WORK/template-$n" "$WORK/ours"; cp -r "$WORK/template-$n" "$WORK/sqitch"
        cp -r "$WORK/template-$n" "$WORK/atomic"
        for verb in deploy status verify revert; do
            case $verb in
                revert) ours=(mvn_goal revert -Dsqlitch.yes); theirs=("$SQITCH" revert -y) ;;
                *) ours=(mvn_goal "$verb"); theirs=("$SQITCH" "$verb") ;;
            esac
            # Alternate who goes first so that neither always meets a warm or a cold cache.
            if ((r % 2)); then
                timed "$n-$verb-ours" "$WORK/ours" "${ours[@]}"
                [ -n "$SQITCH" ] && timed "$n-$verb-sqitch" "$WORK/sqitch" "${theirs[@]}"
            else
                [ -n "$SQITCH" ] && timed "$n-$verb-sqitch" "$WORK/sqitch" "${theirs[@]}"
                timed "$n-$verb-ours" "$WORK/ours" "${ours[@]}"
            fi
        done
        timed "$n-atomic-ours" "$WORK/atomic" mvn_goal deploy -Dsqlitch.atomic
        echo "N=$n repetition $r done" >&2
    done
done

echo
echo "Medians of $REPS runs, seconds per command (whole process); ratio = sqlitch / sqitch"
printf '%6s  %-8s %10s %10s %8s\n' N command sqlitch sqitch ratio
for n in "${SIZES[@]}"; do
    for verb in deploy status verify revert atomic; do
        o=$(median "$n-$verb-ours"); s=$(median "$n-$verb-sqitch")
        if [ "$verb" = atomic ]; then
            s=$(median "$n-deploy-sqitch"); label="deploy --atomic (vs sqitch deploy)"
        else
            label=$verb
        fi
        ratio=-
        [ "$s" != - ] && ratio=$(echo "scale=2; $o / $s" | bc -l)
        printf '%6s  %-8s %10s %10s %8s\n' "$n" "$verb" "$o" "$s" "$ratio"
    done
done

if [ "${SKIP_INPROCESS:-0}" != 1 ]; then
    echo
    echo "In-process figures:"
    java -cp "$CP" io.sqlitch.engine.InProcessBench 300 5 10000
fi
if [ "$CRASH_TRIALS" -gt 0 ]; then
    echo
    java -cp "$CP" io.sqlitch.engine.CrashTrials "$CRASH_TRIALS"
fi
