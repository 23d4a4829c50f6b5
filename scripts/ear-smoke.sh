#!/usr/bin/env bash
# Smoke test of the EAR on a full Payara Server 6: start a fresh domain, deploy app-ear's EAR, check /health,
# create a channel aimed at a loopback receiver, post an alert and wait for it to arrive, stop the domain. Payara Server comes from Maven Central (fish.payara.distributions:payara).
# Usage: scripts/ear-smoke.sh   (builds the EAR first when it is missing; PORTBASE sets the ports, default 28000)
set -euo pipefail
cd "$(dirname "$0")/.."
VERSION=6.2025.10
PORTBASE=${PORTBASE:-28000}
HTTP_PORT=$((PORTBASE + 80))
WORK=$(mktemp -d /tmp/alertwire-ear.XXXXXX)
TOKEN=ear-smoke-token-0123456789
RECEIVER_PORT=$((PORTBASE + 90))

[ -f app-ear/target/alertwire.ear ] || mvn -B -q -ntp -DskipTests package
mvn -B -q -ntp dependency:copy -Dartifact=fish.payara.distributions:payara:$VERSION:zip -DoutputDirectory="$WORK"
unzip -q "$WORK/payara-$VERSION.zip" -d "$WORK"
ASADMIN="$WORK/payara6/bin/asadmin"

# The server JVM inherits the environment of asadmin start-domain.
export ALERTWIRE_DATA_DIR="$WORK/data" ALERTWIRE_API_TOKEN=$TOKEN ALERTWIRE_PORT=$HTTP_PORT
"$ASADMIN" create-domain --nopassword --portbase "$PORTBASE" alertwire >/dev/null
java scripts/lib/OneShotReceiver.java $RECEIVER_PORT "$WORK/received.txt" &
RECEIVER=$!
trap '"$ASADMIN" stop-domain alertwire >/dev/null 2>&1 || true; kill $RECEIVER 2>/dev/null || true' EXIT
"$ASADMIN" start-domain alertwire
START=$(date +%s)
"$ASADMIN" --port $((PORTBASE + 48)) deploy "$PWD/app-ear/target/alertwire.ear"
echo "deployed in $(( $(date +%s) - START )) s"

for _ in $(seq 1 60); do
  curl -sf "http://127.0.0.1:$HTTP_PORT/health" >/dev/null && break
  sleep 1
done
HEALTH=$(curl -s "http://127.0.0.1:$HTTP_PORT/health")
echo "health: $HEALTH"
echo "$HEALTH" | grep -q '"status":"UP"'

CREATED=$(curl -s -w ' %{http_code}' -X POST "http://127.0.0.1:$HTTP_PORT/api/v1/alert-channels" \
  -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \
  -d '{"name":"ear smoke","url":"http://127.0.0.1:'"$RECEIVER_PORT"'/hook","template":"{\"t\":\"{{ALERT_TITLE}}\"}"}')
echo "create channel: $CREATED"
echo "$CREATED" | grep -q ' 201$'
LISTED=$(curl -s -w ' %{http_code}' "http://127.0.0.1:$HTTP_PORT/api/v1/alert-channels" -H "Authorization: Bearer $TOKEN")
echo "$LISTED" | grep -q '"name":"ear smoke"'
ACCEPTED=$(curl -s -w ' %{http_code}' -X POST "http://127.0.0.1:$HTTP_PORT/api/v1/alerts" \
  -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \
  -d '{"ALERT_TYPE":"ALERT_FAILURE","ALERT_TITLE":"ear smoke alert","CHECK_ID":"ear-smoke"}')
echo "post alert: $ACCEPTED"
echo "$ACCEPTED" | grep -q ' 202$'
for _ in $(seq 1 60); do
  grep -q 'ear smoke alert' "$WORK/received.txt" 2>/dev/null && break
  sleep 1
done
echo "received: $(cat "$WORK/received.txt" 2>/dev/null)"
grep -q '^POST /hook {"t":"ear smoke alert"}' "$WORK/received.txt"
CONSOLE=$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$HTTP_PORT/")
echo "console answers $CONSOLE"
echo "EAR smoke test passed on Payara Server $VERSION"
