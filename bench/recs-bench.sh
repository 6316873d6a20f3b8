#!/usr/bin/env bash
# Recommendation benchmarks, plain Java (no services needed): JMH micro-benchmarks of scoring + explaining
# and of a whole home page on a 10,000 × 10,000 model, then training time and peak heap at 2,000, 5,000
# and 10,000 titles. Bounded: each JMH fork trains its model (a few minutes at 10,000 titles), then
# 3 × 5 s warm-up and 5 × 5 s measurement; one JVM per training size. Figures and method: docs/benchmarks.md.
#
#   bench/recs-bench.sh [jmh|train|all]        default all
#
# Environment: HEAP (default 3g, for the JMH forks and the training JVMs), JMH_ARGS (extra recs-jmh
# options, e.g. "--prof gc" or "--iterations 10"), JMH_BENCH (default "scoreAndExplainTop100|homePage"; the
# parts of the first are scoreTop100|explainTop100|weightLookupsTop100), TRAIN_SIZES (default "2000 5000 10000").
set -euo pipefail
cd "$(dirname "$0")/.."
WHAT="${1:-all}"
HEAP="${HEAP:-3g}"
JAR=bench/target/serenade-bench.jar

# Rebuild when any source of bench or ranking-service is newer than the jar. One Maven build at a time.
if [[ ! -f "$JAR" ]] || [[ -n "$(find bench/src/main ranking-service/src/main events/src/main -newer "$JAR" -type f -print -quit)" ]]; then
  echo "building $JAR"
  flock /tmp/serenade-mvn.lock ./mvnw -B -q -pl events,ranking-service,bench -Dquarkus.build.skip=true -DskipTests install
fi

# Runs last long: work on a private copy, so a build elsewhere cannot replace the jar under the JMH forks.
RUN_JAR="$(mktemp --suffix=.jar)"
trap 'rm -f "$RUN_JAR"' EXIT
cp "$JAR" "$RUN_JAR"

echo "== machine: $(nproc) cores, $(free -g | awk '/^Mem:/ {print $2}') GiB, $(java -version 2>&1 | head -1)"
echo "== busiest processes now:"
ps -eo pid,pcpu,rss,comm --sort=-pcpu | head -6

if [[ "$WHAT" == all || "$WHAT" == jmh ]]; then
  echo "== JMH: score + explain top-100, and a home page (10,000 titles; history 50 and 500)"
  # shellcheck disable=SC2086
  java -jar "$RUN_JAR" recs-jmh --bench "${JMH_BENCH:-scoreAndExplainTop100|homePage}" --forks 1 --warmups 3 --iterations 5 --time 5 --heap "$HEAP" ${JMH_ARGS:-} \
    | grep --line-buffered -Ev '^# (Warmup|Measurement|Timeout|Threads|Benchmark mode|VM invoker|VM options|Blackhole)'
fi

if [[ "$WHAT" == all || "$WHAT" == train ]]; then
  echo "== training: ModelBuilder.build per stage, peak heap (-Xmx$HEAP -XX:+UseParallelGC)"
  header=1
  for titles in ${TRAIN_SIZES:-2000 5000 10000}; do
    # Small sizes run twice (the first run includes JIT warm-up); 10,000 once.
    runs=$([[ "$titles" -ge 10000 ]] && echo 1 || echo 2)
    java -Xms"$HEAP" -Xmx"$HEAP" -XX:+UseParallelGC -jar "$RUN_JAR" train-bench --titles "$titles" --runs "$runs" \
      | if ((header)); then cat; else grep -Ev '^(jvm:|titles +run)'; fi
    header=0
  done
fi
