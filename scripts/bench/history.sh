#!/usr/bin/env bash
# Delivery history with many rows (issue 7, item 5). Starts the app once on an empty data directory (Flyway
# creates the schema) and creates 5 channels through the API, stops it, inserts ROWS deliveries with their
# events and attempts straight into the H2 file (dev.alertwire.bench.load.HistoryBench seed: INSERT ... SELECT
# over SYSTEM_RANGE inside H2, no alerts sent), starts the app again and times history pages: the REST API
# (GET /api/v1/deliveries) and, when the build has the console, admin/deliveries.xhtml after a form sign-in.
# Prints figures; asserts nothing.
#
#   scripts/bench/history.sh                               # 1,000,000 rows in a temporary directory
#   ROWS=50000 scripts/bench/history.sh                    # smoke run
#   DATA_DIR=/tmp/aw-history-1m scripts/bench/history.sh   # keep the seeded directory; a later run with the
#                                                          # same DATA_DIR and ROWS skips the seeding
#   UPGRADE_FROM=/tmp/old.war scripts/bench/history.sh     # an upgrade: the schema is made and seeded by that
#                                                          # WAR (an earlier release), then this build migrates
#                                                          # it on its first start (time and size printed)
#   SEED_OPTIONS= scripts/bench/history.sh                 # seed uncompressed pages (releases before COMPRESS=TRUE)
set -euo pipefail
cd "$(dirname "$0")/../.."
. scripts/lib/payara-options.sh
ROWS=${ROWS:-1000000}
PORT=${PORT:-8392}
TOKEN=${TOKEN:-aw_bench_history_token_0123456789}
OUT=${OUT:-$PWD/benchmarks/target/history}
HEAP=${HEAP:-1g}
REPEAT=${REPEAT:-5}
# The seed writes pages as the app does: compressed (the app's default URL has COMPRESS=TRUE since section 14 of
# docs/benchmarks.md). SEED_OPTIONS= (empty) seeds uncompressed pages, as the releases before it wrote them.
SEED_OPTIONS=${SEED_OPTIONS-;COMPRESS=TRUE}
CONSOLE_USER=${CONSOLE_USER:-admin}
CONSOLE_PASSWORD=${CONSOLE_PASSWORD:-bench-console-password-0123}
mkdir -p "$OUT"
if [ "${SKIP_BUILD:-}" != 1 ]; then
  mvn -B -q -DskipTests -Pbench package
fi
CP="benchmarks/target/classes:$(cat benchmarks/target/classpath.txt)"
WORK=$(mktemp -d /tmp/alertwire-history.XXXXXX)
DATA=${DATA_DIR:-$WORK/data}
cp web-ui/target/payara-micro.jar "$WORK/" && cp "${APP_WAR:-web-ui/target/alertwire.war}" "$WORK/alertwire.war"
cp "${UPGRADE_FROM:-$WORK/alertwire.war}" "$WORK/first.war"
APP=
cleanup() { if [ -n "$APP" ]; then kill $APP 2>/dev/null; wait $APP 2>/dev/null || true; fi; rm -rf "$WORK"; }
trap cleanup EXIT

start_app() {
  local war=${1:-alertwire.war}
  # The token is only used to create the first admin token on an empty database, so it is fixed here:
  # a kept data directory accepts it again.
  java -Xmx$HEAP -XX:FlightRecorderOptions:stackdepth=256 ${APP_OPTS:-} \
    -Dalertwire.data.dir="$DATA" -Dalertwire.port=$PORT -Dalertwire.api.token="$TOKEN" -Dalertwire.admin.password="$CONSOLE_PASSWORD" \
    -jar "$WORK/payara-micro.jar" $PAYARA_OPTIONS --port $PORT --contextroot / --deploy "$WORK/$war" \
    >> "$OUT/payara.log" 2>&1 &
  APP=$!
  local t=$SECONDS
  for _ in $(seq 1 300); do
    curl -sf "http://127.0.0.1:$PORT/health" >/dev/null && { echo "app up in $((SECONDS - t)) s"; return; }
    kill -0 $APP 2>/dev/null || { echo "Payara Micro exited; see $OUT/payara.log"; exit 1; }
    sleep 1
  done
  echo "not healthy; see $OUT/payara.log"; exit 1
}
stop_app() { kill $APP; wait $APP 2>/dev/null || true; APP=; }

: > "$OUT/payara.log"
if [ -f "$DATA/seeded-$ROWS" ]; then
  echo "reusing $DATA ($(du -sh "$DATA" | cut -f1)), seeded with $ROWS rows earlier"
else
  [ -z "${DATA_DIR:-}" ] || [ ! -e "$DATA" ] || { echo "$DATA exists but was not seeded with $ROWS rows; remove it first"; exit 1; }
  start_app first.war
  for i in 1 2 3 4 5; do
    curl -sf -X POST "http://127.0.0.1:$PORT/api/v1/alert-channels" -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \
      -d "{\"name\":\"history-$i\",\"url\":\"http://127.0.0.1:9/hook-$i\",\"template\":\"{\\\"t\\\":\\\"{{ALERT_TITLE}}\\\"}\",\"activated\":false}" >/dev/null
  done
  stop_app
  echo "seeding $ROWS deliveries; $(date -u +%FT%TZ); load average $(cut -d' ' -f1-3 /proc/loadavg)"
  java -Xmx4g -cp "$CP" dev.alertwire.bench.load.HistoryBench seed "jdbc:h2:file:$DATA/alertwire;CACHE_SIZE=1048576$SEED_OPTIONS" "$ROWS"
  touch "$DATA/seeded-$ROWS"
  echo "data directory: $(du -sh "$DATA" | cut -f1)"
fi
if [ -n "${UPGRADE_FROM:-}" ]; then
  echo "upgrade: data directory $(du -sm "$DATA" | cut -f1) MiB before; $(date -u +%FT%TZ)"
  start_app
  grep -o 'Successfully applied [0-9]* migration[^(]*(execution time [0-9:.]*s)' "$OUT/payara.log" | tail -1 || true
  echo "upgrade: data directory $(du -sm "$DATA" | cut -f1) MiB after the migration"
else
  start_app
fi
echo "timing; $(date -u +%FT%TZ); load average $(cut -d' ' -f1-3 /proc/loadavg)"
java -cp "$CP" dev.alertwire.bench.load.HistoryBench time "http://127.0.0.1:$PORT" "$TOKEN" "$REPEAT" "$CONSOLE_USER" "$CONSOLE_PASSWORD"
if [ "${JFR:-}" = 1 ]; then
  # A profile of the slowest API page, requested over and over for 20 s.
  jcmd $APP JFR.start name=history settings=profile duration=20s filename="$OUT/history.jfr" >/dev/null
  java -cp "$CP" dev.alertwire.bench.load.HistoryBench hammer "http://127.0.0.1:$PORT" "$TOKEN" 20 "${JFR_QUERY:-page=1}"
  sleep 2
  echo "JFR recording: $OUT/history.jfr (scripts/bench/jfr-top.py $OUT/history.jfr)"
fi
echo "done $(date -u +%FT%TZ); load average $(cut -d' ' -f1-3 /proc/loadavg)"
