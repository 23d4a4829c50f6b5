#!/usr/bin/env bash
# Measures the heap that 10,000 pending retries hold: they are rows in the database, not objects in memory.
# Usage: scripts/pending-retries-heap.sh [count]   (builds the WAR first if it is missing)
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib/payara-options.sh
COUNT=${1:-10000}
PORT=${PORT:-8282}
WORK=$(mktemp -d /tmp/alertwire-heap.XXXXXX)
[ -f web-ui/target/alertwire.war ] || mvn -B -q -DskipTests package
cp web-ui/target/payara-micro.jar web-ui/target/alertwire.war "$WORK/"

java -Xmx1g -Dalertwire.data.dir="$WORK/data" -Dalertwire.port=$PORT -jar "$WORK/payara-micro.jar" \
  $PAYARA_OPTIONS --port $PORT --contextroot / --deploy "$WORK/alertwire.war" > "$WORK/payara.log" 2>&1 &
APP=$!
trap 'kill $APP 2>/dev/null || true' EXIT
until curl -sf "http://127.0.0.1:$PORT/health" >/dev/null; do sleep 1; done

heap() {
  jcmd $APP GC.run >/dev/null
  sleep 1
  jcmd $APP GC.heap_info | awk '/garbage-first heap|total/ {for (i=1;i<=NF;i++) if ($i=="used") {print $(i+1); exit}}'
}

# A receiver that is down: nothing listens on port 9 of loopback, so every attempt fails at once and waits
# 10 minutes for its retry.
curl -sf -X POST "http://127.0.0.1:$PORT/api/v1/alert-channels" -H 'Content-Type: application/json' \
  -d '{"name":"down","url":"http://127.0.0.1:9/down","template":"{\"t\":\"{{ALERT_TITLE}}\"}","maxRetries":20,"retryDelayMs":600000}' >/dev/null
sleep 5
BEFORE=$(heap)

python3 - "$PORT" "$COUNT" <<'PY'
import http.client, json, sys
port, count = int(sys.argv[1]), int(sys.argv[2])
conn = http.client.HTTPConnection("127.0.0.1", port)
for i in range(count):
    body = json.dumps({"ALERT_TYPE": "ALERT_FAILURE", "ALERT_TITLE": f"Check {i} has failed", "CHECK_ID": f"heap-{i}"})
    conn.request("POST", "/api/v1/alerts", body, {"Content-Type": "application/json"})
    r = conn.getresponse(); r.read()
    assert r.status == 202, r.status
PY

# Wait until every delivery has made its first attempt and waits for a retry.
until [ "$(curl -s "http://127.0.0.1:$PORT/api/v1/deliveries?status=retrying&size=1" | python3 -c 'import json,sys; print(json.load(sys.stdin)["total"])')" -ge "$COUNT" ]; do sleep 2; done
AFTER=$(heap)
DB=$(du -sk "$WORK/data" | cut -f1)
echo "pending retries: $COUNT"
echo "heap used after full GC, before: $BEFORE"
echo "heap used after full GC, with $COUNT pending retries: $AFTER"
echo "data directory: ${DB} KiB"
