#!/usr/bin/env bash
# schemac benchmark: javac alone, javac + schemac, and Hibernate ORM's schema export, side by side.
#
#   bench/run.sh                      # N = 100 500 2000, 5 runs each, prints a Markdown table
#   RUNS=7 SIZES="100 500" bench/run.sh
#   WORK=/tmp/mybench bench/run.sh    # keep the generated models and logs there
#   TOOLS="javac schemac" bench/run.sh   # only these (default: javac schemac schemac-nometa noop hibernate)
#
# Needs JDK 17+, Maven 3.8+ and /usr/bin/time (Debian: apt-get install -y time). Nothing is
# installed into the local Maven repository: the processor jar is used from processor/target.
# Not part of CI (bench/ is not a module of the root pom).
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
RUNS=${RUNS:-5}
SIZES=${SIZES:-"100 500 2000"}
TOOLS=${TOOLS:-"javac schemac schemac-nometa noop hibernate"}
WORK=${WORK:-$(mktemp -d /tmp/schemac-bench.XXXXXX)}
mkdir -p "$WORK"
TIME=/usr/bin/time
[ -x "$TIME" ] || { echo "needs GNU time at /usr/bin/time (apt-get install -y time)" >&2; exit 1; }

log() { echo "[bench $(date -u +%H:%M:%S)] $*" >&2; }

# ------------------------------------------------------------------ build (not timed)
log "building the processor and the bench tools (work folder $WORK)"
mvn -B -q -f "$ROOT/pom.xml" -pl processor -am package dependency:build-classpath -DskipTests \
  -DincludeScope=runtime -Dmdep.outputFile=target/runtime-classpath.txt >&2
mvn -B -q -f "$ROOT/bench/pom.xml" package dependency:build-classpath -DskipTests \
  -DincludeScope=runtime -Dmdep.outputFile=target/runtime-classpath.txt >&2

ANNOTATIONS=$(ls "$ROOT"/annotations/target/schemac-annotations-*.jar | grep -v sources | head -1)
PROCESSOR=$(ls "$ROOT"/processor/target/schemac-processor-*.jar | grep -v sources | head -1)
# the processor's runtime dependencies, with the annotations jar just built rather than any installed one
PROCESSOR_PATH="$PROCESSOR:$ANNOTATIONS:$(tr ':' '\n' < "$ROOT/processor/target/runtime-classpath.txt" \
  | grep -v 'schemac-annotations' | paste -sd: -)"
BENCH_CP="$ROOT/bench/target/classes:$(cat "$ROOT/bench/target/runtime-classpath.txt")"
# the no-op processor: bench's classes and the libraries schemac uses, nothing else
NOOP_PATH="$ROOT/bench/target/classes:$(tr ':' '\n' < "$ROOT/processor/target/runtime-classpath.txt" \
  | grep -v 'schemac-annotations' | paste -sd: -)"

# ------------------------------------------------------------------ models (not timed)
for n in $SIZES; do
  rm -rf "$WORK/$n"
  java -cp "$BENCH_CP" dev.schemac.bench.ModelGenerator "$n" "$WORK/$n"
  find "$WORK/$n/records" -name '*.java' | sort > "$WORK/$n/records.args"
  find "$WORK/$n/jpa" -name '*.java' | sort > "$WORK/$n/jpa.args"
  mkdir -p "$WORK/$n/jpa-classes"
  javac -proc:none -nowarn -cp "$BENCH_CP" -d "$WORK/$n/jpa-classes" "@$WORK/$n/jpa.args"
  log "N=$n: $(wc -l < "$WORK/$n/records.args") record sources, $(grep -c . "$WORK/$n/jpa-classes.txt") JPA entities"
done

# ------------------------------------------------------------------ measurements
RESULTS="$WORK/results.tsv"
PHASES="scan metamodel read rules version render diff write total"
printf 'size\ttool\trun\twall_ms\tcpu_ms\trss_kb\t%s\tbetween\thib_load\thib_export\n' "$(echo $PHASES | tr ' ' '\t')" \
  > "$RESULTS"

# measure <size> <tool> <run> <log> <command...>: one fresh JVM under /usr/bin/time -v
measure() {
  local n=$1 tool=$2 run=$3 out=$4; shift 4
  local start end rc=0
  start=$(date +%s%N)
  "$TIME" -v -o "$out.time" "$@" > "$out" 2>&1 || rc=$?
  end=$(date +%s%N)
  if [ $rc -ne 0 ] || grep -qE '(^|: )error:|^[0-9]+ errors?$' "$out"; then
    log "FAILED: $tool N=$n run $run (exit $rc), see $out"; tail -20 "$out" >&2; exit 1
  fi
  local wall=$(( (end - start) / 1000000 ))
  local cpu rss
  cpu=$(awk -F': ' '/User time/ {u=$2} /System time/ {s=$2} END {printf "%d", (u + s) * 1000}' "$out.time")
  rss=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$out.time")
  local phases hib="-	-"
  phases=$(for p in $PHASES between; do echo -; done | paste -sd '\t' -)
  case $tool in schemac*)
    # [schemac:timings] timings for N tables: scan 1.2 ms, metamodel ..., write 3.4 ms; total 56.7 ms; javac between rounds 89.0 ms
    local note
    note=$(grep -o '\[schemac:timings\] timings for [0-9]* tables: .*' "$out" || true)
    [ -n "$note" ] || { log "no timings note in $out"; exit 1; }
    phases=$(for p in $PHASES "javac between rounds"; do
      echo "$note" | grep -oE "(: |, |; )$p [0-9.]+ ms" | awk '{print $(NF-1)}' | grep . || echo -; done | paste -sd '\t' -)
  esac
  if [ "$tool" = hibernate ]; then
    hib=$(awk '/^hibernate load/ {print $3 "\t" $5}' "$out")
  fi
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$n" "$tool" "$run" "$wall" "$cpu" "$rss" "$phases" "$hib" >> "$RESULTS"
  log "N=$n run $run $tool: ${wall} ms wall, ${cpu} ms CPU, $((rss / 1024)) MiB"
}

for run in $(seq 1 "$RUNS"); do
  for n in $SIZES; do
    d="$WORK/$n/run$run"
    rm -rf "$d"; mkdir -p "$d"
    # interleaved, so that load from elsewhere on the machine spreads over all of them
    for tool in $TOOLS; do
      rm -rf "$d/out"; mkdir -p "$d/out"
      case $tool in schemac*) mkdir -p "$d/$tool-db" ;; esac
      case $tool in
        javac) measure "$n" javac "$run" "$d/javac.log" \
          javac -proc:none -cp "$ANNOTATIONS" -d "$d/out" "@$WORK/$n/records.args" ;;
        schemac) measure "$n" schemac "$run" "$d/schemac.log" \
          javac -cp "$ANNOTATIONS" -processorpath "$PROCESSOR_PATH" \
            -Aschemac.dir="$d/schemac-db" -Aschemac.timings=true -d "$d/out" "@$WORK/$n/records.args" ;;
        schemac-nometa) measure "$n" schemac-nometa "$run" "$d/schemac-nometa.log" \
          javac -cp "$ANNOTATIONS" -processorpath "$PROCESSOR_PATH" -Aschemac.metamodel=false \
            -Aschemac.dir="$d/schemac-nometa-db" -Aschemac.timings=true -d "$d/out" "@$WORK/$n/records.args" ;;
        noop) measure "$n" noop "$run" "$d/noop.log" \
          javac -cp "$ANNOTATIONS" -processorpath "$NOOP_PATH" -processor dev.schemac.bench.NoOpProcessor \
            -d "$d/out" "@$WORK/$n/records.args" ;;
        hibernate) measure "$n" hibernate "$run" "$d/hibernate.log" \
          java -cp "$BENCH_CP:$WORK/$n/jpa-classes" dev.schemac.bench.HibernateExport \
            "$WORK/$n/jpa-classes.txt" "$d/hibernate.sql" ;;
        *) echo "unknown tool $tool (javac schemac schemac-nometa noop hibernate)" >&2; exit 1 ;;
      esac
    done
    rm -rf "$d/out"
  done
done

log "raw figures: $RESULTS"
java -cp "$BENCH_CP" dev.schemac.bench.Report "$RESULTS" | tee "$WORK/results.md"
