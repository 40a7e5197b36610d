#!/usr/bin/env bash
# Runs the invoker ITs that matter most under Maven 4 (not part of the default build):
#
#   bench/maven4.sh [IT...]      (default: tutorial lifecycle-failsafe concurrent-deploy quiet-results)
#
# Fetches apache-maven-$MAVEN4_VERSION-bin.tar.gz from Maven Central once (through Maven, into target/maven4),
# then runs the build with maven-invoker-plugin forking that Maven for the ITs (invoker.mavenHome). The reports
# land in target/invoker-reports-maven4. Everything else (compiling, the plugin under test) is the usual build.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
MAVEN4_VERSION=${MAVEN4_VERSION:-4.0.0-rc-4}
ITS=("$@")
[ ${#ITS[@]} -eq 0 ] && ITS=(tutorial lifecycle-failsafe concurrent-deploy quiet-results)
HOME4=$ROOT/target/maven4/apache-maven-$MAVEN4_VERSION
cd "$ROOT"

if [ ! -x "$HOME4/bin/mvn" ]; then
    ./mvnw -B -q org.apache.maven.plugins:maven-dependency-plugin:3.8.1:unpack \
        -Dartifact="org.apache.maven:apache-maven:$MAVEN4_VERSION:tar.gz:bin" -DoutputDirectory="$ROOT/target/maven4"
fi
"$HOME4/bin/mvn" -v | head -1

its=$(IFS=,; echo "${ITS[*]}")
status=0
./mvnw -B -o verify -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false -Dinvoker.test="$its" \
    -Dinvoker.mavenHome="$HOME4" -Dinvoker.reportsDirectory="$ROOT/target/invoker-reports-maven4" \
    > "$ROOT/target/maven4.log" 2>&1 || status=$?
grep -E 'Passed:|\[INFO\]   The build exited|FAILED|\*  ' "$ROOT/target/maven4.log" || true
echo "Maven $MAVEN4_VERSION: exit $status (full log: target/maven4.log)"
exit "$status"
