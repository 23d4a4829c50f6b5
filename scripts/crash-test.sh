#!/usr/bin/env bash
# Crash safety: start the app, send 500 alerts to a receiver that answers 503 for its first 30 seconds,
# kill -9 the JVM 10 seconds after the first alert, start it again on the same data directory, and count:
# every accepted alert (202) must arrive (a 200 from the receiver) at least once, and every repeat must carry
# the same x-alertwire-delivery-id as the first request and as the 202 answer.
#
# Usage: scripts/crash-test.sh
#   Builds the WAR first if it is missing (mvn -B -q -DskipTests package); or point at artifacts with
#   ALERTWIRE_WAR=/path/alertwire.war PAYARA_JAR=/path/payara-micro.jar.
# Settings (environment): ALERTS=500 PORT=8181 START_SECONDS=180 (wait for the first start) RECEIVER_PORT=<free> FAIL_SECONDS=30 KILL_AFTER=10
#   MAX_RETRIES=20 RETRY_DELAY_MS=5000 DEADLINE=300 (seconds after the restart) WORK=<new dir under /tmp>
# Exit status: 0 when every accepted alert arrived with a consistent delivery id, 1 when not, 2 when the
# run itself could not be carried out.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib/payara-options.sh

ALERTS=${ALERTS:-500}
PORT=${PORT:-8181}
FAIL_SECONDS=${FAIL_SECONDS:-30}
KILL_AFTER=${KILL_AFTER:-10}
MAX_RETRIES=${MAX_RETRIES:-20}
RETRY_DELAY_MS=${RETRY_DELAY_MS:-5000}
DEADLINE=${DEADLINE:-300}
TOKEN=crash-test-admin-token-$RANDOM$RANDOM$RANDOM
WORK=${WORK:-$(mktemp -d /tmp/alertwire-crash.XXXXXX)}
mkdir -p "$WORK"
BASE="http://127.0.0.1:$PORT"

die() { echo "crash-test: $*" >&2; exit 2; }
now() { echo "$EPOCHREALTIME"; }

# --- artifacts -------------------------------------------------------------------------------------------
WAR=${ALERTWIRE_WAR:-web-ui/target/alertwire.war}
JAR=${PAYARA_JAR:-web-ui/target/payara-micro.jar}
if [ ! -f "$WAR" ] || [ ! -f "$JAR" ]; then
  [ -z "${ALERTWIRE_WAR:-}${PAYARA_JAR:-}" ] || die "ALERTWIRE_WAR or PAYARA_JAR points at a missing file"
  echo "building (mvn -B -q -DskipTests package)..."
  mvn -B -q -DskipTests package
fi
# Private copies: a build running meanwhile must not change the files under the JVM.
cp "$WAR" "$WORK/alertwire.war"
cp "$JAR" "$WORK/payara-micro.jar"

if curl -s -o /dev/null "$BASE/" 2>/dev/null; then die "port $PORT is in use; set PORT"; fi
RECEIVER_PORT=${RECEIVER_PORT:-$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')}

APP=""; RECEIVER=""; POSTER=""
cleanup() {
  for pid in $POSTER $RECEIVER $APP; do
    kill "$pid" 2>/dev/null || true
  done
  sleep 1
  for pid in $POSTER $RECEIVER $APP; do
    kill -9 "$pid" 2>/dev/null || true
  done
}
trap cleanup EXIT
trap 'exit 130' INT TERM

start_app() {
  echo "=== start $(date -u +%FT%TZ)" >> "$WORK/payara.log"
  java -Xmx512m -Dalertwire.data.dir="$WORK/data" -Dalertwire.port="$PORT" -Dalertwire.api.token="$TOKEN" \
    -jar "$WORK/payara-micro.jar" $PAYARA_OPTIONS --port "$PORT" --contextroot / --deploy "$WORK/alertwire.war" \
    >> "$WORK/payara.log" 2>&1 &
  APP=$!
  local until=$((SECONDS + ${START_SECONDS:-180}))
  until curl -sf "$BASE/health" 2>/dev/null | grep -q UP; do
    kill -0 "$APP" 2>/dev/null || die "Payara Micro exited during start-up; see $WORK/payara.log"
    [ $SECONDS -lt $until ] || die "Payara Micro not healthy within ${START_SECONDS:-180} s; see $WORK/payara.log"
    sleep 0.25
  done
}

api() { # method path [json body]
  curl -sS -X "$1" "$BASE/api$2" -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' ${3:+-d "$3"}
}

# --- receiver: 503 for its first FAIL_SECONDS, then 200; one log line per request ---------------------------
cat > "$WORK/receiver.py" <<'PY'
import json, sys, threading, time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
port, fail_seconds, log_path = int(sys.argv[1]), float(sys.argv[2]), sys.argv[3]
started = time.time()
lock = threading.Lock()
log = open(log_path, "a", buffering=1)

class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    def do_POST(self):
        body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
        try:
            check = json.loads(body).get("check")
        except Exception:
            check = None
        status = 503 if time.time() - started < fail_seconds else 200
        answer = b"unavailable" if status == 503 else b"ok"
        self.send_response(status)
        self.send_header("Content-Length", str(len(answer)))
        self.end_headers()
        self.wfile.write(answer)
        with lock:
            log.write(json.dumps({"t": time.time(), "id": self.headers.get("x-alertwire-delivery-id"),
                                  "check": check, "status": status}) + "\n")
    def log_message(self, *args):
        pass

server = ThreadingHTTPServer(("127.0.0.1", port), Handler)
server.daemon_threads = True
print(f"{started:.3f}", flush=True)
server.serve_forever()
PY

# --- poster: ALERTS alerts as fast as possible, one JSON line per alert -------------------------------------
cat > "$WORK/poster.py" <<'PY'
import http.client, json, sys, time
port, count, token, out_path, first_path = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3], sys.argv[4], sys.argv[5]
headers = {"Content-Type": "application/json", "Authorization": "Bearer " + token}
out = open(out_path, "w", buffering=1)
conn = None
for n in range(count):
    check = f"crash-{n}"
    body = json.dumps({"ALERT_TYPE": "ALERT_FAILURE", "ALERT_TITLE": f"Check {check} has failed",
                       "CHECK_ID": check, "CHECK_NAME": check})
    t = time.time()
    if n == 0:
        open(first_path, "w").write(f"{t:.3f}\n")
    row = {"n": n, "check": check, "t": t}
    try:
        if conn is None:
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        try:
            conn.request("POST", "/api/v1/alerts", body, headers)
        except (ConnectionError, OSError) as e:
            # Nothing reached the server (refused, or the kept-alive socket was gone): the client knows.
            conn.close(); conn = None
            row.update(outcome="refused", error=type(e).__name__)
            out.write(json.dumps(row) + "\n")
            continue
        try:
            r = conn.getresponse()
            data = r.read()
        except (ConnectionError, OSError, http.client.HTTPException) as e:
            # Sent, but no answer: the alert may or may not have been accepted.
            conn.close(); conn = None
            row.update(outcome="unknown", error=type(e).__name__)
            out.write(json.dumps(row) + "\n")
            continue
        row["status"] = r.status
        if r.status == 202:
            row.update(outcome="accepted", deliveries=json.loads(data)["deliveries"])
        else:
            row.update(outcome="rejected", body=data.decode(errors="replace")[:300])
    except Exception as e:
        if conn is not None:
            conn.close(); conn = None
        row.update(outcome="unknown", error=repr(e))
    out.write(json.dumps(row) + "\n")
PY

# --- counts from the API -------------------------------------------------------------------------------------
status_totals() { # prints "pending=.. rate_limited=.. ..." for the channel
  local s out=""
  for s in pending rate_limited retrying succeeded failed superseded cancelled; do
    local total
    total=$(api GET "/v1/deliveries?channelId=$CHANNEL&status=$s&size=1" | python3 -c 'import json,sys; print(json.load(sys.stdin)["total"])')
    out+="$s=$total "
  done
  echo "$out"
}

echo "work dir: $WORK"
echo "starting Payara Micro on port $PORT..."
T0=$(now); start_app; T1=$(now)
echo "  healthy after $(python3 -c "print(round($T1-$T0,1))") s (pid $APP)"

CHANNEL_JSON=$(api POST /v1/alert-channels "$(python3 - "$RECEIVER_PORT" "$MAX_RETRIES" "$RETRY_DELAY_MS" <<'PY'
import json, sys
print(json.dumps({"name": "crash-test receiver", "url": f"http://127.0.0.1:{sys.argv[1]}/hook", "method": "POST",
                  "template": '{"check": "{{CHECK_ID}}", "title": "{{ALERT_TITLE}}"}',
                  "maxRetries": int(sys.argv[2]), "retryDelayMs": int(sys.argv[3])}))
PY
)")
CHANNEL=$(python3 -c 'import json,sys; print(json.loads(sys.argv[1])["id"])' "$CHANNEL_JSON" 2>/dev/null) \
  || die "could not create the channel: $CHANNEL_JSON"
echo "channel $CHANNEL -> http://127.0.0.1:$RECEIVER_PORT/hook (maxRetries $MAX_RETRIES, retryDelayMs $RETRY_DELAY_MS)"

python3 "$WORK/receiver.py" "$RECEIVER_PORT" "$FAIL_SECONDS" "$WORK/received.jsonl" > "$WORK/receiver.start" 2>"$WORK/receiver.err" &
RECEIVER=$!
until [ -s "$WORK/receiver.start" ]; do kill -0 $RECEIVER 2>/dev/null || die "receiver failed: $(cat "$WORK/receiver.err")"; sleep 0.05; done
echo "receiver on port $RECEIVER_PORT answers 503 for ${FAIL_SECONDS} s"

python3 "$WORK/poster.py" "$PORT" "$ALERTS" "$TOKEN" "$WORK/posted.jsonl" "$WORK/first-alert" 2>"$WORK/poster.err" &
POSTER=$!
until [ -s "$WORK/first-alert" ]; do kill -0 $POSTER 2>/dev/null || die "poster failed: $(cat "$WORK/poster.err")"; sleep 0.01; done
FIRST=$(cat "$WORK/first-alert")
sleep "$(awk -v f="$FIRST" -v k="$KILL_AFTER" -v n="$EPOCHREALTIME" 'BEGIN { d = f + k - n; print (d > 0 ? d : 0) }')"

[ "$(ps -o comm= -p "$APP")" = java ] || die "pid $APP is not the java process"
POSTED_BEFORE_KILL=$(wc -l < "$WORK/posted.jsonl")
KILLED=$(now)
kill -9 "$APP"
wait "$APP" 2>/dev/null || true
echo "kill -9 $APP at +$(python3 -c "print(round($KILLED-$FIRST,1))") s after the first alert ($POSTED_BEFORE_KILL alerts answered by then)"

echo "restarting on the same data dir..."
RESTARTED=$(now); start_app; HEALTHY=$(now)
echo "  healthy after $(python3 -c "print(round($HEALTHY-$RESTARTED,1))") s (pid $APP)"
wait "$POSTER" 2>/dev/null || true
POSTER=""

# --- wait for the drain ---------------------------------------------------------------------------------------
DRAINED=""
unfinished() { # cheap enough to poll: three small queries, no python
  local s n=0 t
  for s in pending rate_limited retrying; do
    t=$(api GET "/v1/deliveries?channelId=$CHANNEL&status=$s&size=1" | grep -o '"total":[0-9]*' | cut -d: -f2)
    n=$((n + ${t:-1}))
  done
  echo "$n"
}
while :; do
  UNFINISHED=$(unfinished)
  if [ "$UNFINISHED" -eq 0 ]; then DRAINED=$(now); break; fi
  if python3 -c "import sys,time; sys.exit(0 if time.time() > $HEALTHY + $DEADLINE else 1)"; then
    echo "deadline of $DEADLINE s after the restart reached with $UNFINISHED unfinished"
    break
  fi
  sleep 0.5
done
sleep 2   # late answers still being logged by the receiver
TOTALS=$(status_totals)

# --- report ---------------------------------------------------------------------------------------------------
set +e
# Attempts the app recorded, per delivery (to compare with what the receiver saw).
for page in $(seq 1 $(( (ALERTS + 199) / 200 + 1 ))); do
  api GET "/v1/deliveries?channelId=$CHANNEL&size=200&page=$page"; echo
done > "$WORK/deliveries.jsonl"
python3 - "$WORK" "$FIRST" "$KILLED" "$RESTARTED" "$HEALTHY" "${DRAINED:-0}" "$TOTALS" "$(cat "$WORK/receiver.start")" "$FAIL_SECONDS" <<'PY'
import collections, json, sys
work, first, killed, restarted, healthy, drained = sys.argv[1], *map(float, sys.argv[2:7])
totals = dict(kv.split("=") for kv in sys.argv[7].split())
receiver_ok_from = float(sys.argv[8]) + float(sys.argv[9])
recorded = {}
for line in open(f"{work}/deliveries.jsonl"):
    if line.strip():
        for d in json.loads(line)["items"]:
            recorded[d["id"]] = d["attemptCount"]
posted = [json.loads(l) for l in open(f"{work}/posted.jsonl")]
try:
    received = [json.loads(l) for l in open(f"{work}/received.jsonl")]
except FileNotFoundError:
    received = []
outcomes = collections.Counter(p["outcome"] for p in posted)
accepted = {p["deliveries"][0]: p["check"] for p in posted if p["outcome"] == "accepted" and p["deliveries"]}
no_delivery = [p["check"] for p in posted if p["outcome"] == "accepted" and len(p["deliveries"]) != 1]

by_id = collections.defaultdict(list)
ids_by_check = collections.defaultdict(set)
for r in received:
    by_id[r["id"]].append(r)
    ids_by_check[r["check"]].add(r["id"])
ok_ids = {i for i, rs in by_id.items() if any(r["status"] == 200 for r in rs)}
arrived = [i for i in accepted if i in ok_ids]
missing = sorted(set(accepted) - ok_ids, key=lambda i: int(accepted[i].split("-")[1]))
repeats = {i: rs for i, rs in by_id.items() if len(rs) > 1}
dup_ok = {i: rs for i, rs in by_id.items() if sum(r["status"] == 200 for r in rs) > 1}
# Same delivery id on every request about one alert, and the one the 202 answered with.
split_checks = {c: ids for c, ids in ids_by_check.items() if len(ids) > 1}
wrong_id = [i for i, rs in by_id.items() if i in accepted and any(r["check"] != accepted[i] for r in rs)]
unknown_ids = sorted(set(by_id) - set(accepted))
first_ok = {i: min(r["t"] for r in by_id[i] if r["status"] == 200) for i in ok_ids}
last_first_ok = max((first_ok[i] for i in arrived), default=None)
attempts = collections.Counter(len(by_id.get(i, [])) for i in accepted)
before_kill = sum(1 for r in received if r["t"] < killed)
after_restart = sum(1 for r in received if r["t"] >= restarted)
accepted_before_kill = sum(1 for p in posted if p["outcome"] == "accepted" and p["t"] < killed)
posting_span = max((p["t"] for p in posted), default=first) - first

print()
print("=== crash test result ===")
print(f"alerts posted:                      {len(posted)} in {posting_span:.1f} s")
print(f"  accepted (202):                   {outcomes['accepted']}")
print(f"  refused (connection refused):     {outcomes['refused']}")
print(f"  unknown (sent, no answer):        {outcomes['unknown']}")
print(f"  rejected (other status):          {outcomes['rejected']}")
if no_delivery:
    print(f"  accepted without exactly one delivery id: {len(no_delivery)} (e.g. {no_delivery[:3]})")
print(f"kill -9 at +{killed-first:.1f} s; restart healthy after {healthy-restarted:.1f} s")
print(f"receiver requests:                  {len(received)} ({sum(r['status']==503 for r in received)} answered 503, "
      f"{sum(r['status']==200 for r in received)} answered 200; {before_kill} before the kill, {after_restart} after the restart began)")
print(f"unique delivery ids received:       {len(by_id)}")
print(f"accepted deliveries that arrived (200) at least once: {len(arrived)} / {len(accepted)}")
print(f"accepted deliveries never received at all:           {sum(1 for i in accepted if i not in by_id)}")
print(f"delivery ids received more than once:                {len(repeats)} "
      f"(requests per accepted delivery: {dict(sorted(attempts.items()))})")
print(f"delivery ids answered 200 more than once (true duplicates): {len(dup_ok)}")
print(f"every repeat carried the same delivery id:           {'yes' if not split_checks and not wrong_id else 'NO'}"
      f" (alerts seen under several ids: {len(split_checks)}, ids carrying another alert's body: {len(wrong_id)})")
print(f"received ids the client never got a 202 for:        {len(unknown_ids)}")
print(f"API status totals for the channel:  {' '.join(f'{k}={v}' for k, v in totals.items())}")
lost_records = sum(max(0, len(by_id.get(i, [])) - recorded.get(i, 0)) for i in accepted)
unseen_attempts = sum(max(0, recorded.get(i, 0) - len(by_id.get(i, []))) for i in accepted)
print(f"attempts recorded by the app:       {sum(recorded.get(i, 0) for i in accepted)} "
      f"(requests the receiver saw but the app has no attempt for: {lost_records}; recorded attempts the receiver never saw: {unseen_attempts})")
print(f"receiver answered 200 from:         +{receiver_ok_from-first:.1f} s")
if last_first_ok is None:
    pass
elif last_first_ok < killed:
    print(f"drain: every accepted delivery had arrived before the kill (last at +{last_first_ok-first:.1f} s)")
else:
    print(f"drain: last accepted delivery arrived at +{last_first_ok-first:.1f} s, i.e. {last_first_ok-healthy:+.1f} s from the "
          f"restarted app's /health UP (+{healthy-first:.1f} s) and {last_first_ok-killed:.1f} s after the kill")
if drained:
    print(f"drain: API showed nothing unfinished {drained-healthy:.1f} s after the restart was healthy (polled about once a second)")
else:
    print("drain: deliveries were still unfinished at the deadline")
if missing:
    print(f"MISSING: {len(missing)} accepted alerts never arrived, e.g. " + ", ".join(f"{accepted[i]}={i}" for i in missing[:10]))
    json.dump({i: accepted[i] for i in missing}, open(f"{work}/missing.json", "w"), indent=1)
if split_checks:
    print("SPLIT: " + ", ".join(f"{c}: {sorted(ids)}" for c, ids in list(split_checks.items())[:5]))
if outcomes["rejected"]:
    sample = next(p for p in posted if p["outcome"] == "rejected")
    print(f"WARNING: {outcomes['rejected']} alerts were refused by the app, e.g. {sample['check']}: {sample['status']} {sample['body'][:200]}")
if not accepted:
    print("RESULT: INCONCLUSIVE (no alert was accepted; see the Payara log)")
    sys.exit(2)
failed = bool(missing or split_checks or wrong_id or no_delivery)
print("RESULT: " + ("FAIL" if failed else "PASS"))
sys.exit(1 if failed else 0)
PY
RESULT=$?
set -e
echo "Payara log: $WORK/payara.log ($(grep -c 'SEVERE' "$WORK/payara.log" || true) SEVERE, $(grep -c 'WARNING' "$WORK/payara.log" || true) WARNING lines)"
exit $RESULT
