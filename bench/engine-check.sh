#!/usr/bin/env bash
# What the engine check (-Aschemac.engineCheck=true) costs a build: the sample app's records
# compiled by javac with schemac, with and without the check, alternately, RUNS times each, each
# time into a fresh copy of the committed schema folder (so that the history applies).
#
#   bench/engine-check.sh            # 5 runs each, prints a Markdown table (wall seconds)
#   RUNS=3 bench/engine-check.sh
#
# Needs JDK 17+, Maven 3.8+ and /usr/bin/time. Nothing is installed into the local Maven
# repository. Not part of CI. The first run with the check also extracts PostgreSQL's binaries
# into the temporary folder (zonky's cache); it is reported apart.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
RUNS=${RUNS:-5}
WORK=${WORK:-$(mktemp -d /tmp/schemac-engine-bench.XXXXXX)}
TIME=/usr/bin/time
[ -x "$TIME" ] || { echo "needs GNU time at /usr/bin/time (apt-get install -y time)" >&2; exit 1; }
log() { echo "[engine-check bench $(date -u +%H:%M:%S)] $*" >&2; }

log "building (work folder $WORK)"
mvn -B -q -f "$ROOT/pom.xml" -pl engine-check-postgresql -am package dependency:build-classpath -DskipTests \
  -DincludeScope=runtime -Dmdep.outputFile=target/runtime-classpath.txt >&2
ANNOTATIONS=$(ls "$ROOT"/annotations/target/schemac-annotations-*.jar | head -1)
PROCESSOR=$(ls "$ROOT"/processor/target/schemac-processor-*.jar | head -1)
CHECK=$(ls "$ROOT"/engine-check-postgresql/target/schemac-engine-check-postgresql-*.jar | head -1)
DEPS=$(tr ':' '\n' < "$ROOT/engine-check-postgresql/target/runtime-classpath.txt" | grep -v 'dev/schemac' | paste -sd: -)
WITHOUT_PATH="$PROCESSOR:$ANNOTATIONS:$DEPS"
WITH_PATH="$CHECK:$WITHOUT_PATH"
CLASSPATH_USER="$ANNOTATIONS:$(find ~/.m2/repository/org/jspecify -name 'jspecify-*.jar' | head -1)"
SOURCES=$(find "$ROOT/sample-app/src/main/java" -name '*.java' | grep -v -e SampleApp -e SampleMigrations -e SqlScript)

run() { # name processorpath extra-option
  local out="$WORK/$1-$2"
  rm -rf "$out" && mkdir -p "$out/classes" && cp -r "$ROOT/sample-app/src/main/resources/db" "$out/db"
  "$TIME" -f "%e" -o "$out/time" javac -proc:only -processorpath "$3" -cp "$CLASSPATH_USER" -d "$out/classes" \
    -Aschemac.dir="$out/db" $4 $SOURCES > "$out/log" 2>&1 || { cat "$out/log" >&2; exit 1; }
  cat "$out/time"
}

log "first run with the check (extracts the binaries if this machine has no cache yet)"
first=$(run first 0 "$WITH_PATH" "-Aschemac.engineCheck=true")
without=(); with=()
for i in $(seq 1 "$RUNS"); do
  without+=("$(run without "$i" "$WITHOUT_PATH" "")")
  with+=("$(run with "$i" "$WITH_PATH" "-Aschemac.engineCheck=true")")
done
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
echo "| build of the sample app ($(echo "$SOURCES" | wc -l) records, 3 versions) | median wall s | runs |"
echo "| --- | --- | --- |"
echo "| javac + schemac | $(median "${without[@]}") | ${without[*]} |"
echo "| javac + schemac + engine check | $(median "${with[@]}") | ${with[*]} |"
echo "| first run with the engine check | $first | |"
