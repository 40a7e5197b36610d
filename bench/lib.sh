# Shared by the bench/ scripts (sourced, not run): Maven with a private local repository, generated projects,
# timing, medians and the quiet-machine wait. Expects ROOT (the repository root) and WORK (a temporary directory).

VERSION=$(sed -n 's:^  <version>\(.*\)</version>:\1:p' "$ROOT/pom.xml" | head -1)
PLUGIN="io.sqlitch:sqlitch-maven-plugin:$VERSION"

# The Maven of the wrapper (3.9.x: it knows maven.repo.local.tail); MVN overrides it.
bench_maven() {
    if [ -n "${MVN:-}" ]; then echo "$MVN"; return; fi
    local v
    v=$(sed -n 's:.*apache-maven-\([0-9.]*\)-bin.zip:\1:p' "$ROOT/.mvn/wrapper/maven-wrapper.properties")
    "$ROOT/mvnw" -q -v > /dev/null 2>&1 || true
    ls -d "$HOME"/.m2/wrapper/dists/apache-maven-"$v"/*/bin/mvn 2>/dev/null | head -1
}

# A private local repository in front of ~/.m2 (read-only tail): this checkout's plugin jar goes into it, so
# nothing is installed into the shared ~/.m2 and another build installing meanwhile cannot swap the jar under us.
# Downloads (the peers' plugins) land in the private head too; BENCH_M2 keeps it between runs.
setup_repo() {
    local jar=${PLUGIN_JAR:-$ROOT/target/sqlitch-maven-plugin-$VERSION.jar}
    if [ ! -f "$jar" ]; then
        echo "Build the plugin first: ./mvnw -B -q package -DskipTests -Dinvoker.skip" >&2
        exit 2
    fi
    M2=${BENCH_M2:-$ROOT/target/bench-m2}
    local dir=$M2/io/sqlitch/sqlitch-maven-plugin/$VERSION
    mkdir -p "$dir"
    cp "$jar" "$dir/sqlitch-maven-plugin-$VERSION.jar"
    cp "$ROOT/pom.xml" "$dir/sqlitch-maven-plugin-$VERSION.pom"
    MVN_OPTS_REPO=(-Dmaven.repo.local="$M2" -Dmaven.repo.local.tail="$HOME/.m2/repository")
}

# mvn_in DIR ARGS...: Maven, batch, quiet, offline, on the private repository.
mvn_run() { "$MAVEN" -B -q -o "${MVN_OPTS_REPO[@]}" "$@"; }

# generate_sqitch DIR N [ENGINE]: an N-change Sqitch project (change tNNNNN creates a table and requires the
# previous one, a tag @vK after every 50th change, scripts in a BEGIN…COMMIT shape) with a pom for the plugin.
# ENGINE sqlite (the default) targets db:sqlite:bench.db; pg names no target (give it on the command line) and
# writes the scripts as `sqitch add` does for pg (its header comments, the requires line), the table in place of
# the template's "XXX" line.
generate_sqitch() {
    local dir=$1 n=$2 engine=${3:-sqlite} i name prev= ts
    mkdir -p "$dir/deploy" "$dir/revert" "$dir/verify"
    if [ "$engine" = sqlite ]; then
        printf '[core]\n\tengine = sqlite\n[engine "sqlite"]\n\ttarget = db:sqlite:bench.db\n' > "$dir/sqitch.conf"
    else
        printf '[core]\n\tengine = %s\n' "$engine" > "$dir/sqitch.conf"
    fi
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
            if [ "$engine" = sqlite ]; then
                printf 'BEGIN;\nCREATE TABLE %s (id INTEGER PRIMARY KEY, v TEXT);\nCOMMIT;\n' "$name" > "$dir/deploy/$name.sql"
                printf 'BEGIN;\nDROP TABLE %s;\nCOMMIT;\n' "$name" > "$dir/revert/$name.sql"
                printf 'BEGIN;\nSELECT id, v FROM %s WHERE 0;\nROLLBACK;\n' "$name" > "$dir/verify/$name.sql"
            else
                printf -- '-- Deploy bench:%s to %s\n%s\nBEGIN;\n\nCREATE TABLE %s (id INTEGER PRIMARY KEY, v TEXT);\n\nCOMMIT;\n' \
                    "$name" "$engine" "${prev:+-- requires: $prev
}" "$name" > "$dir/deploy/$name.sql"
                printf -- '-- Revert bench:%s from %s\n\nBEGIN;\n\nDROP TABLE %s;\n\nCOMMIT;\n' \
                    "$name" "$engine" "$name" > "$dir/revert/$name.sql"
                printf -- '-- Verify bench:%s on %s\n\nBEGIN;\n\nSELECT id, v FROM %s WHERE false;\n\nROLLBACK;\n' \
                    "$name" "$engine" "$name" > "$dir/verify/$name.sql"
            fi
            if ((i % 50 == 0)); then
                printf '@v%d %s Bench Marker <bench@example.com> # Tag v%d.\n' $((i / 50)) "$ts" $((i / 50))
            fi
            prev=$name
        done
    } > "$dir/sqitch.plan"
}

# bench_identity: Sqitch's and the plugin's committer (a private user config, no system config), UTC, C.UTF-8.
bench_identity() {
    mkdir -p "$WORK/home"
    printf '[user]\n\tname = Bench Marker\n\temail = bench@example.com\n' > "$WORK/home/user.conf"
    export SQITCH_USER_CONFIG="$WORK/home/user.conf" SQITCH_SYSTEM_CONFIG="$WORK/home/nonexistent" TZ=UTC LC_ALL=C.UTF-8
}

# rotated R ITEM...: the items rotated left by R (mod their number), so that repetition R starts with item R and
# no tool always meets a warm or a cold cache.
rotated() {
    local r=$1; shift
    local items=("$@")
    echo "${items[@]:r % ${#items[@]}}" "${items[@]:0:r % ${#items[@]}}"
}

# wait_quiet: with QUIET_LOAD set (e.g. 0.5), waits until the 1-minute load average is below it (at most
# QUIET_MAX_WAIT seconds, default 300), so that a pairing is not measured while other jobs hog the cores. Each
# pairing's load is recorded in $WORK/loads.
wait_quiet() {
    local waited=0 load
    load=$(cut -d' ' -f1 /proc/loadavg)
    if [ -n "${QUIET_LOAD:-}" ]; then
        while [ "$(echo "$load >= $QUIET_LOAD" | bc -l)" = 1 ] && ((waited < ${QUIET_MAX_WAIT:-300})); do
            sleep 5; waited=$((waited + 5)); load=$(cut -d' ' -f1 /proc/loadavg)
        done
    fi
    echo "$load" >> "$WORK/loads"
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

# median LABEL: the median of LABEL's times, "-" when there are none.
median() {
    [ -f "$WORK/times/$1" ] || { echo "-"; return; }
    median_of < "$WORK/times/$1"
}

# median_of: the median of the numbers on stdin, one a line, to two places.
median_of() {
    sort -g | awk '{v[NR]=$1} END {m = NR % 2 ? v[(NR+1)/2] : (v[NR/2]+v[NR/2+1])/2; printf "%.2f", m}'
}

# ratio A B: A / B to two places, "-" when either is missing.
ratio() {
    if [ "$1" = - ] || [ "$2" = - ]; then echo -; else awk -v a="$1" -v b="$2" 'BEGIN {printf "%.2f", a / b}'; fi
}

# paired_ratio A B: the median of A's i-th time over B's i-th (the same repetition, run back to back), which
# cancels the load drifting between repetitions better than the ratio of the medians; "-" when either is missing.
paired_ratio() {
    [ -f "$WORK/times/$1" ] && [ -f "$WORK/times/$2" ] || { echo "-"; return; }
    paste -d' ' "$WORK/times/$1" "$WORK/times/$2" | awk '{print $1 / $2}' | median_of
}

# load_summary: min / median / max of the recorded load averages.
load_summary() {
    [ -f "$WORK/loads" ] || { echo "no pairing"; return; }
    sort -g "$WORK/loads" | awk '{v[NR]=$1} END {printf "min %.2f, median %.2f, max %.2f over %d pairings", v[1], v[int((NR+1)/2)], v[NR], NR}'
}
