#!/usr/bin/env bash
# Delivery history with many rows (issue 7): start the app once on a fresh data directory (Flyway creates the
# schema) and create 5 channels, stop it, insert ROWS deliveries straight into the H2 file over JDBC
# (dev.alertwire.bench.load.HistoryBench seed), start the app again and time GET /api/v1/deliveries pages.
#   scripts/bench/history.sh              # 1,000,000 rows
#   ROWS=50000 scripts/bench/history.sh   # smoke run
set -euo pipefail
cd "$(dirname "$0")/../.."
ROWS=${ROWS:-1000000}
PORT=${PORT:-8392}
TOKEN=${TOKEN:-aw_bench_$(od -An -N12 -tx1 /dev/urandom | tr -d ' \n')}
OUT=${OUT:-$PWD/benchmarks/target/history}
HEAP=${HEAP:-1g}
mkdir -p "$OUT"
if [ "${SKIP_BUILD:-}" != 1 ]; then
  mvn -B -q -DskipTests -Pbench package
fi
CP="benchmarks/target/classes:$(cat benchmarks/target/classpath.txt)"
WORK=$(mktemp -d /tmp/alertwire-history.XXXXXX)
cp web-ui/target/payara-micro.jar web-ui/target/alertwire.war "$WORK/"
APP=
cleanup() { [ -n "$APP" ] && kill $APP 2>/dev/null; wait 2>/dev/null || true; rm -rf "$WORK"; }
trap cleanup EXIT

start_app() {
  java -Xmx$HEAP -Dalertwire.data.dir="$WORK/data" -Dalertwire.port=$PORT -Dalertwire.api.token="$TOKEN" \
    -jar "$WORK/payara-micro.jar" --nocluster --port $PORT --contextroot / --deploy "$WORK/alertwire.war" \
    >> "$OUT/payara.log" 2>&1 &
  APP=$!
  local t=$SECONDS
  for _ in $(seq 1 240); do
    curl -sf "http://127.0.0.1:$PORT/health" >/dev/null && { echo "app up in $((SECONDS - t)) s"; return; }
    kill -0 $APP 2>/dev/null || { echo "Payara Micro exited; see $OUT/payara.log"; exit 1; }
    sleep 1
  done
  echo "not healthy; see $OUT/payara.log"; exit 1
}
stop_app() { kill $APP; wait $APP 2>/dev/null || true; APP=; }

: > "$OUT/payara.log"
start_app
for i in 1 2 3 4 5; do
  curl -sf -X POST "http://127.0.0.1:$PORT/api/v1/alert-channels" -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \
    -d "{\"name\":\"history-$i\",\"url\":\"http://127.0.0.1:9/hook-$i\",\"template\":\"{\\\"t\\\":\\\"{{ALERT_TITLE}}\\\"}\",\"activated\":false}" >/dev/null
done
stop_app
java -Xmx4g -cp "$CP" dev.alertwire.bench.load.HistoryBench seed "jdbc:h2:file:$WORK/data/alertwire;CACHE_SIZE=1048576" "$ROWS"
echo "data directory: $(du -sh "$WORK/data" | cut -f1)"
start_app
java -cp "$CP" dev.alertwire.bench.load.HistoryBench time "http://127.0.0.1:$PORT" "$TOKEN"
