#!/usr/bin/env bash
# Deliveries right after a start on a data directory that is already full: each variant starts on its own copy
# of DATA, and as soon as /health/ready is UP one alert a second is posted (ALERTS of them) to a new catch-all
# channel pointing at a loopback receiver. Prints, per start, the delay from each 202 to its request arriving
# (median and worst) and the file's size before and after. Asserts nothing. The variants alternate, RUNS times,
# so old and new see the same machine.
#
#   DATA=web-ui/target/it-data scripts/bench/after-start.sh         # this build's artifact against OLD_JAR
#   DATA=... OLD_JAR=/tmp/old.jar NEW_JAR=web-ui/target/alertwire.jar RUNS=3 scripts/bench/after-start.sh
#
# DATA must hold the database of an app that has run (its master.key too). Its first admin API token must be
# known: TOKEN (default: the one the integration tests set, so web-ui/target/it-data works after mvn verify).
# Knobs: ALERTS (10), RUNS (2), PORT (18490), RECEIVER_PORT (18491), JVM_OPTS (the README's).
set -euo pipefail
cd "$(dirname "$0")/../.."
: "${DATA:?DATA: a data directory to copy for each start}"
: "${OLD_JAR:?OLD_JAR: the earlier build of alertwire.jar}"
NEW_JAR=${NEW_JAR:-web-ui/target/alertwire.jar}
TOKEN=${TOKEN:-it-admin-token-0123456789abcdef}
ALERTS=${ALERTS:-10}
RUNS=${RUNS:-2}
PORT=${PORT:-18490}
RECEIVER_PORT=${RECEIVER_PORT:-18491}
read -r -a JVM <<< "${JVM_OPTS:--Xmx512m -Xms64m -XX:+UseSerialGC -Xss512k}"
BASE="http://127.0.0.1:$PORT"
WORK=$(mktemp -d /tmp/alertwire-after-start.XXXXXX)
APP="" RECEIVER=""
trap 'for p in $APP $RECEIVER; do kill $p 2>/dev/null; wait $p 2>/dev/null; done; rm -rf "$WORK"' EXIT
java scripts/lib/OneShotReceiver.java "$RECEIVER_PORT" "$WORK/received.txt" >/dev/null &
RECEIVER=$!
now_ms() { date +%s%3N; }
mib() { du -m "$1" | cut -f1; }

run() {
  local variant=$1 jar=$2 n=$3 data="$WORK/data-$1-$3"
  cp -r "$DATA" "$data"
  local before; before=$(mib "$data")
  MALLOC_ARENA_MAX=2 java "${JVM[@]}" -Dalertwire.data.dir="$data" -Dalertwire.port="$PORT" \
    -Dalertwire.bind.address=127.0.0.1 -jar "$jar" > "$WORK/app-$variant-$n.log" 2>&1 &
  APP=$!
  local started; started=$(now_ms)
  until curl -sf "$BASE/health/ready" >/dev/null; do sleep 0.2; done
  local ready=$(( $(now_ms) - started ))
  local path="/$variant-$n"
  curl -sf -o /dev/null -X POST "$BASE/api/v1/alert-channels" -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \
    -d '{"name":"after start '"$variant $n $RANDOM"'","url":"http://127.0.0.1:'"$RECEIVER_PORT$path"'","template":"{\"t\":\"{{ALERT_TITLE}}\"}"}'
  : > "$WORK/posted.txt"
  for i in $(seq 1 "$ALERTS"); do
    curl -sf -o /dev/null -X POST "$BASE/api/v1/alerts" -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \
      -d '{"ALERT_TYPE":"ALERT_FAILURE","ALERT_TITLE":"'"$variant-$n-$i"'","CHECK_ID":"after-start-'"$variant-$n-$i"'"}'
    echo "$variant-$n-$i $(now_ms)" >> "$WORK/posted.txt"
    sleep 1
  done
  for _ in $(seq 1 120); do
    [ "$(cat "$WORK/received.txt" 2>/dev/null | grep -c "^POST $path " || true)" -ge "$ALERTS" ] && break
    sleep 1
  done
  kill $APP; wait $APP 2>/dev/null || true; APP=""
  local delays k
  delays=$(awk 'FNR == NR { posted[$1] = $2; next }
    match($0, /"t":"[^"]*"/) { t = substr($0, RSTART + 5, RLENGTH - 6); if (t in posted) { split($NF, a, "@"); print a[2] - posted[t] } }' \
    "$WORK/posted.txt" "$WORK/received.txt" | sort -n)
  k=$(printf '%s\n' "$delays" | grep -c . || true)
  printf '%-4s run %d: ready after %5.1f s; 202 -> received: median %6s ms, worst %6s ms (%d of %d arrived); data %d -> %d MiB\n' \
    "$variant" "$n" "$(awk -v r="$ready" 'BEGIN { print r / 1000 }')" \
    "$(printf '%s\n' "$delays" | sed -n "$(( (k + 1) / 2 ))p")" "$(printf '%s\n' "$delays" | tail -1)" "$k" "$ALERTS" "$before" "$(mib "$data")"
  rm -rf "$data"
}

echo "data: $DATA ($(mib "$DATA") MiB), $ALERTS alerts a second apart after each start, load $(cut -d' ' -f1-3 /proc/loadavg)"
for n in $(seq 1 "$RUNS"); do
  if [ $((n % 2)) = 1 ]; then run old "$OLD_JAR" "$n"; run new "$NEW_JAR" "$n"; else run new "$NEW_JAR" "$n"; run old "$OLD_JAR" "$n"; fi
done
