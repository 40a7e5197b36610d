#!/usr/bin/env bash
# Screenshots of sqlitch:graph and sqlitch:report, to look at them as a person would: the tutorial project
# (examples/flipr, partly deployed) and a generated 300-change plan with reworks, conflicts and dependencies on
# two other projects (bench/graph-plan.py), taken with headless Chromium.
#
# usage: bench/graph-screenshots.sh [OUT]          (default: target/graph-screenshots)
# needs: the plugin installed (./mvnw -B -q install -DskipTests -Dinvoker.skip), python3, chromium
#        (apt-get install -y chromium). MVN (default: ./mvnw) and MVN_ARGS (say "-o") pass through to Maven.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
out=$(mkdir -p "${1:-$root/target/graph-screenshots}" && cd "${1:-$root/target/graph-screenshots}" && pwd)
mvn_cmd=${MVN:-$root/mvnw}
version=$(sed -n '0,/<version>/s|.*<version>\(.*\)</version>.*|\1|p' "$root/pom.xml")
plugin=io.sqlitch:sqlitch-maven-plugin:$version
chromium=$(command -v chromium || command -v chromium-browser || true)
[ -n "$chromium" ] || { echo "chromium not found: apt-get install -y chromium" >&2; exit 2; }

sqlitch() { # DIR GOAL ARGS...: one plugin goal in a project, hermetic from the user's Sqitch config
    local dir=$1 goal=$2; shift 2
    (cd "$dir" && SQITCH_USER_CONFIG=/nonexistent SQITCH_SYSTEM_CONFIG=/nonexistent \
        "$mvn_cmd" -B -q ${MVN_ARGS:-} "$plugin:$goal" "$@")
}

shot() { # PAGE PNG WIDTH HEIGHT
    local profile
    profile=$(mktemp -d)
    "$chromium" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
        --disable-background-networking --disable-component-update --disable-sync --hide-scrollbars \
        --user-data-dir="$profile" --window-size="$3,$4" --screenshot="$2" "file://$1" >/dev/null 2>&1
    rm -rf "$profile"
    echo "$2"
}

# A page showing the SVG from pixel row TOP on, or (with TOP = fit) the whole of it scaled to the window height.
view() { # SVG HTML TOP HEIGHT
    local style="display:block;margin-top:-$3px"
    [ "$3" = fit ] && style="display:block;height:$4px"
    printf '<!DOCTYPE html><html><body style="margin:0;background:#fff"><img src="%s" style="%s"></body></html>\n' \
        "$1" "$style" > "$2"
}

pom() { # DIR ARTIFACT
    cat > "$1/pom.xml" <<POM
<project xmlns="http://maven.apache.org/POM/4.0.0"><modelVersion>4.0.0</modelVersion>
  <groupId>io.sqlitch.shots</groupId><artifactId>$2</artifactId><version>1</version><packaging>pom</packaging>
</project>
POM
}

# The tutorial: deployed up to lists, so two changes are pending.
rm -rf "$out/flipr" "$out/shop"
mkdir -p "$out/flipr"
cp -r "$root/examples/flipr/deploy" "$root/examples/flipr/revert" "$root/examples/flipr/verify" \
    "$root/examples/flipr/sqitch.plan" "$root/examples/flipr/sqitch.conf" "$out/flipr/"
pom "$out/flipr" flipr
sqlitch "$out/flipr" deploy -Dsqlitch.toChange=lists
sqlitch "$out/flipr" graph -Dsqlitch.target=flipr_test
sqlitch "$out/flipr" report
shot "$out/flipr/target/sqlitch/plan.svg" "$out/flipr-graph.png" 1100 330
shot "$out/flipr/target/site/sqlitch.html" "$out/flipr-report.png" 1100 900

# 300 changes, the first 200 (to @v1.8) recorded as deployed (log-only: the generated project has no scripts).
python3 "$root/bench/graph-plan.py" "$out/shop" 300
db=db:sqlite:$out/shop/shop.db
for peer in auth billing; do
    pom "$out/shop/peers/$peer" "$peer"
    sqlitch "$out/shop/peers/$peer" deploy -Dsqlitch.target="$db" -Dsqlitch.logOnly
done
pom "$out/shop" shop
sqlitch "$out/shop" deploy -Dsqlitch.target="$db" -Dsqlitch.logOnly -Dsqlitch.toChange=@v1.8
sqlitch "$out/shop" graph -Dsqlitch.target="$db"
sqlitch "$out/shop" report -Dsqlitch.target="$db"
svg=$out/shop/target/sqlitch/plan.svg
shot "$svg" "$out/shop-top.png" 1300 1100
view plan.svg "$out/shop/target/sqlitch/middle.html" 4100 0
shot "$out/shop/target/sqlitch/middle.html" "$out/shop-deployed-pending.png" 1300 1100
view plan.svg "$out/shop/target/sqlitch/overview.html" fit 2400
shot "$out/shop/target/sqlitch/overview.html" "$out/shop-overview.png" 1300 2400
shot "$out/shop/target/site/sqlitch.html" "$out/shop-report.png" 1300 1400
