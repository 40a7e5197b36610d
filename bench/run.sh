#!/usr/bin/env bash
# Benchmarks sqlitch-maven-plugin against real Sqitch on generated SQLite projects.
#
#   bench/run.sh [N...]          (default: 100 500 1000)
#
# Builds nothing: first run, from the repository root,
#   ./mvnw -B -q package -DskipTests -Dinvoker.skip
# which builds target/sqlitch-maven-plugin-*.jar (copied into a private local repository in front of ~/.m2, see
# lib.sh: nothing is installed into ~/.m2) and compiles target/classes and target/test-classes (the in-process
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
# Environment: REPS (repetitions, default 3), CRASH_TRIALS (default 0), SKIP_SQITCH=1, SKIP_INPROCESS=1,
# QUIET_LOAD (see lib.sh: wait for a quiet machine before each pairing).
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
WORK=$(mktemp -d "${TMPDIR:-/tmp}/sqlitch-bench.XXXXXX")
trap 'rm -rf "$WORK"' EXIT
# shellcheck source=bench/lib.sh
. "$ROOT/bench/lib.sh"
REPS=${REPS:-3}
CRASH_TRIALS=${CRASH_TRIALS:-0}
SIZES=("$@")
[ ${#SIZES[@]} -eq 0 ] && SIZES=(100 500 1000)
if [ ! -d "$ROOT/target/test-classes" ]; then
    echo "Build first: ./mvnw -B -q package -DskipTests -Dinvoker.skip" >&2
    exit 2
fi
MAVEN=$(bench_maven)
setup_repo
SQLITE_JDBC=$(ls "$HOME"/.m2/repository/org/xerial/sqlite-jdbc/*/sqlite-jdbc-*.jar | sort -V | tail -1)
CP="$ROOT/target/classes:$ROOT/target/test-classes:$SQLITE_JDBC"
SQITCH=$(command -v sqitch || true)
[ "${SKIP_SQITCH:-0}" = 1 ] && SQITCH=

bench_identity

mvn_goal() { mvn_run "$PLUGIN:$1" "${@:2}"; }

for n in "${SIZES[@]}"; do
    generate_sqitch "$WORK/template-$n" "$n"
    for ((r = 1; r <= REPS; r++)); do
        rm -rf "$WORK/ours" "$WORK/sqitch" "$WORK/atomic"
        cp -r "$WORK/template-$n" "$WORK/ours"; cp -r "$WORK/template-$n" "$WORK/sqitch"
        cp -r "$WORK/template-$n" "$WORK/atomic"
        for verb in deploy status verify revert; do
            wait_quiet
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
        ratio=$(ratio "$o" "$s")
        printf '%6s  %-8s %10s %10s %8s\n' "$n" "$verb" "$o" "$s" "$ratio"
    done
done

echo "Load average (1 min) at each pairing: $(load_summary); $(nproc) cores"

if [ "${SKIP_INPROCESS:-0}" != 1 ]; then
    echo
    echo "In-process figures:"
    java -cp "$CP" io.sqlitch.engine.InProcessBench 300 5 10000
fi
if [ "$CRASH_TRIALS" -gt 0 ]; then
    echo
    java -cp "$CP" io.sqlitch.engine.CrashTrials "$CRASH_TRIALS"
fi
