#!/usr/bin/env bash
# Rendering benchmark (issue 7): Alertwire's engine under JMH, then the reference engine
# (@checkly/handlebars 0.0.13 on node) with the same templates, data, warm-up and timed iterations;
# prints renders/s on one thread and the ratio Alertwire/reference per template.
# Usage: scripts/bench/render.sh            (3 warm-up + 5 measured iterations of 2 s each)
#        WARMUP=1 ITERATIONS=1 SECONDS_PER=1 scripts/bench/render.sh    (smoke run)
# Prints figures only; it asserts nothing about time.
set -euo pipefail
cd "$(dirname "$0")/../.."
WARMUP=${WARMUP:-3}
ITERATIONS=${ITERATIONS:-5}
SECONDS_PER=${SECONDS_PER:-2}
OUT=${OUT:-benchmarks/target/render}
NODE_DIR=${NODE_DIR:-scripts/bench/.node}   # git-ignored; holds node_modules of the reference engine
mkdir -p "$OUT"

if [ "${SKIP_BUILD:-}" != 1 ]; then
  mvn -B -q -DskipTests -Pbench package -pl benchmarks -am
fi
CP="benchmarks/target/classes:$(cat benchmarks/target/classpath.txt)"

if [ ! -f "$NODE_DIR/node_modules/@checkly/handlebars/package.json" ]; then
  mkdir -p "$NODE_DIR"
  [ -f "$NODE_DIR/package.json" ] || echo '{"name":"alertwire-bench-reference","private":true}' > "$NODE_DIR/package.json"
  (cd "$NODE_DIR" && npm install --no-audit --no-fund --silent @checkly/handlebars@0.0.13)
fi

java -cp "$CP" dev.alertwire.bench.render.RenderFixtures "$OUT"

echo "== Alertwire (JMH, one thread, ${WARMUP}x${SECONDS_PER}s warm-up, ${ITERATIONS}x${SECONDS_PER}s measured)"
java -cp "$CP" org.openjdk.jmh.Main 'RenderBenchmark|CompileBenchmark' \
  -wi "$WARMUP" -w "${SECONDS_PER}s" -i "$ITERATIONS" -r "${SECONDS_PER}s" -f 1 -t 1 \
  -rf json -rff "$OUT/jmh.json" ${JMH_EXTRA:-} | awk '/^# Run complete/ {p=1} p'

echo "== reference (@checkly/handlebars 0.0.13, node $(node --version))"
NODE_PATH="$NODE_DIR/node_modules" node scripts/bench/render-reference.js "$OUT" "$WARMUP" "$ITERATIONS" "$SECONDS_PER" "$OUT/jmh.json"
