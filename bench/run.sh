#!/usr/bin/env bash
# schemac benchmark: javac alone, javac + schemac, and Hibernate ORM's schema export, side by side.
#
#   bench/run.sh                      # N = 100 500 2000, 5 runs each, prints a Markdown table
#   RUNS=7 SIZES="100 500" bench/run.sh
#   WORK=/tmp/mybench bench/run.sh    # keep the generated models and logs there
#   TOOLS="javac schemac" bench/run.sh   # only these (default: javac schemac schemac-nometa noop hibernate)
#   TOOLS="javac noop schemac schemac-2 schemac-4" bench/run.sh   # what a second target (and all four SQL ones) costs
#   INPROCESS=1 bench/run.sh          # javac in bench's InProcessJavac: adds javac's main-thread CPU time
#
# schemac-2 is -Aschemac.targets=postgresql,mariadb, schemac-4 -Aschemac.targets=postgresql,mariadb,mysql,sqlite
# (schemac alone: postgresql, the default). MariaDB and MySQL have no array type, so these need the portable
# model (MODEL=portable: tags as a JSON array instead of text[]; ModelGenerator's Javadoc), which is the default
# whenever schemac-2 or schemac-4 is measured; every tool of a run compiles the same model.
#
# Needs JDK 17+, Maven 3.8+ and /usr/bin/time (Debian: apt-get install -y time). Nothing is
# installed into the local Maven repository: the processor jar is used from processor/target.
# Not part of CI (bench/ is not a module of the root pom).
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
RUNS=${RUNS:-5}
SIZES=${SIZES:-"100 500 2000"}
TOOLS=${TOOLS:-"javac schemac schemac-nometa noop hibernate"}
case " $TOOLS " in *" schemac-2 "*|*" schemac-4 "*) MODEL=${MODEL:-portable} ;; *) MODEL=${MODEL:-postgresql} ;; esac
case " $TOOLS " in *" schemac-2 "*|*" schemac-4 "*)
  [ "$MODEL" = portable ] || { echo "schemac-2 and schemac-4 need MODEL=portable (MariaDB and MySQL refuse text[])" >&2; exit 1; } ;;
esac
INPROCESS=${INPROCESS:-0}
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

# the main jars, not -sources or -tests (the processor's tests jar sorts first)
ANNOTATIONS=$(ls "$ROOT"/annotations/target/schemac-annotations-*.jar | grep -vE -- '-(sources|tests|javadoc)\.jar$' | head -1)
PROCESSOR=$(ls "$ROOT"/processor/target/schemac-processor-*.jar | grep -vE -- '-(sources|tests|javadoc)\.jar$' | head -1)
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
  java -cp "$BENCH_CP" dev.schemac.bench.ModelGenerator "$n" "$WORK/$n" "$MODEL"
  find "$WORK/$n/records" -name '*.java' | sort > "$WORK/$n/records.args"
  find "$WORK/$n/jpa" -name '*.java' | sort > "$WORK/$n/jpa.args"
  mkdir -p "$WORK/$n/jpa-classes"
  javac -proc:none -nowarn -cp "$BENCH_CP" -d "$WORK/$n/jpa-classes" "@$WORK/$n/jpa.args"
  log "N=$n ($MODEL model): $(wc -l < "$WORK/$n/records.args") record sources, $(grep -c . "$WORK/$n/jpa-classes.txt") JPA entities"
done

# javac itself, or javac in bench's InProcessJavac (one JVM, javac in its main thread; prints that thread's CPU time)
if [ "$INPROCESS" = 1 ]; then
  # InProcessJavac's class alone on the class path: with bench's classes there, javac would load NoOpProcessor
  # from the application class loader, which cannot see the libraries on -processorpath
  mkdir -p "$WORK/inprocess/dev/schemac/bench"
  cp "$ROOT/bench/target/classes/dev/schemac/bench/InProcessJavac.class" "$WORK/inprocess/dev/schemac/bench/"
  JAVAC=(java -cp "$WORK/inprocess" dev.schemac.bench.InProcessJavac)
else
  JAVAC=(javac)
fi

# ------------------------------------------------------------------ measurements
RESULTS="$WORK/results.tsv"
PHASES="scan metamodel read rules version render diff write total"
printf 'size\ttool\trun\twall_ms\tcpu_ms\trss_kb\t%s\tbetween\thib_load\thib_export\tthread_ms\tload1\n' \
  "$(echo $PHASES | tr ' ' '\t')" > "$RESULTS"

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
  # InProcessJavac: "javac exit 0: main thread CPU 1234 ms, process CPU ..."
  local thread
  thread=$(grep -oE '^javac exit 0: main thread CPU [0-9]+ ms' "$out" | awk '{print $(NF-1)}' || true)
  # the load average (1 min) as the command ends: how busy the machine was
  local load
  load=$(cut -d' ' -f1 /proc/loadavg)
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$n" "$tool" "$run" "$wall" "$cpu" "$rss" "$phases" "$hib" \
    "${thread:--}" "$load" >> "$RESULTS"
  log "N=$n run $run $tool: ${wall} ms wall, ${cpu} ms CPU${thread:+, main thread ${thread} ms}, $((rss / 1024)) MiB, load $load"
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
          "${JAVAC[@]}" -proc:none -cp "$ANNOTATIONS" -d "$d/out" "@$WORK/$n/records.args" ;;
        schemac) measure "$n" schemac "$run" "$d/schemac.log" \
          "${JAVAC[@]}" -cp "$ANNOTATIONS" -processorpath "$PROCESSOR_PATH" \
            -Aschemac.dir="$d/schemac-db" -Aschemac.timings=true -d "$d/out" "@$WORK/$n/records.args" ;;
        schemac-nometa) measure "$n" schemac-nometa "$run" "$d/schemac-nometa.log" \
          "${JAVAC[@]}" -cp "$ANNOTATIONS" -processorpath "$PROCESSOR_PATH" -Aschemac.metamodel=false \
            -Aschemac.dir="$d/schemac-nometa-db" -Aschemac.timings=true -d "$d/out" "@$WORK/$n/records.args" ;;
        schemac-2) measure "$n" schemac-2 "$run" "$d/schemac-2.log" \
          "${JAVAC[@]}" -cp "$ANNOTATIONS" -processorpath "$PROCESSOR_PATH" -Aschemac.targets=postgresql,mariadb \
            -Aschemac.dir="$d/schemac-2-db" -Aschemac.timings=true -d "$d/out" "@$WORK/$n/records.args" ;;
        schemac-4) measure "$n" schemac-4 "$run" "$d/schemac-4.log" \
          "${JAVAC[@]}" -cp "$ANNOTATIONS" -processorpath "$PROCESSOR_PATH" \
            -Aschemac.targets=postgresql,mariadb,mysql,sqlite \
            -Aschemac.dir="$d/schemac-4-db" -Aschemac.timings=true -d "$d/out" "@$WORK/$n/records.args" ;;
        noop) measure "$n" noop "$run" "$d/noop.log" \
          "${JAVAC[@]}" -cp "$ANNOTATIONS" -processorpath "$NOOP_PATH" -processor dev.schemac.bench.NoOpProcessor \
            -d "$d/out" "@$WORK/$n/records.args" ;;
        hibernate) measure "$n" hibernate "$run" "$d/hibernate.log" \
          java -cp "$BENCH_CP:$WORK/$n/jpa-classes" dev.schemac.bench.HibernateExport \
            "$WORK/$n/jpa-classes.txt" "$d/hibernate.sql" ;;
        *) echo "unknown tool $tool (javac schemac schemac-nometa schemac-2 schemac-4 noop hibernate)" >&2; exit 1 ;;
      esac
    done
    rm -rf "$d/out"
  done
done

log "raw figures: $RESULTS"
java -cp "$BENCH_CP" dev.schemac.bench.Report "$RESULTS" "$MODEL" | tee "$WORK/results.md"
