#!/usr/bin/env bash
# Receiver faults: start the app, point one channel at each kind of broken receiver, send one alert to each,
# wait until every delivery has reached its end state, then read each delivery and its attempts back from
# the API and compare with what the delivery issue (#4) defines. One row per fault, PASS or FAIL.
#
# Faults: slow receiver (answers after 40 s, past the default 30 s response timeout), connection reset,
# connection refused, 500, 410, 429 with Retry-After (short, and one far over the 10 minute bound),
# 503 with Retry-After, a 3xx (final answer, not followed), TLS to a plain-HTTP port, TLS to a self-signed
# certificate, and a host name under .invalid (DNS).
#
# Usage: scripts/receiver-faults.sh
#   Builds the WAR first if it is missing; or point at artifacts with ALERTWIRE_WAR=... PAYARA_JAR=...
# Settings (environment): PORT=8183 MAX_RETRIES=2 RETRY_DELAY_MS=3000 SLOW_SECONDS=40 WORK=<new dir under /tmp>
#   Each channel keeps the default timeouts (connect 5 s, response 30 s); only the retry count and spacing
#   are shortened so the run takes about two minutes. MAX_RETRIES=5 RETRY_DELAY_MS=20000 runs the defaults.
# Exit status: 0 when every row passes, 1 when one fails, 2 when the run could not be carried out.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib/survival.sh

PORT=${PORT:-8183}
MAX_RETRIES=${MAX_RETRIES:-2}
RETRY_DELAY_MS=${RETRY_DELAY_MS:-3000}
SLOW_SECONDS=${SLOW_SECONDS:-40}
TOKEN=faults-admin-token-$RANDOM$RANDOM$RANDOM
WORK=${WORK:-$(mktemp -d /tmp/alertwire-faults.XXXXXX)}
mkdir -p "$WORK"
BASE="http://127.0.0.1:$PORT"

prepare_artifacts
RECEIVER_PORT=$(free_port)
TLS_PORT=$(free_port)
REFUSED_PORT=$(free_port)   # nothing listens there

openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj "/CN=127.0.0.1" \
  -keyout "$WORK/self-signed.key" -out "$WORK/self-signed.crt" >/dev/null 2>&1 \
  || die "openssl could not make a self-signed certificate"

RECEIVER=""
cleanup() {
  [ -z "$RECEIVER" ] || kill "$RECEIVER" 2>/dev/null || true
  stop_app
}
trap cleanup EXIT
trap 'exit 130' INT TERM

python3 scripts/lib/fault-receiver.py "$RECEIVER_PORT" "$WORK/received.jsonl" "$TLS_PORT" \
  "$WORK/self-signed.crt" "$WORK/self-signed.key" > "$WORK/receiver.out" 2> "$WORK/receiver.err" &
RECEIVER=$!
until grep -q ready "$WORK/receiver.out" 2>/dev/null; do
  kill -0 "$RECEIVER" 2>/dev/null || die "receiver failed: $(cat "$WORK/receiver.err")"
  sleep 0.1
done

echo "work dir: $WORK"
echo "receiver: http://127.0.0.1:$RECEIVER_PORT, self-signed TLS on $TLS_PORT, nothing on $REFUSED_PORT"
echo "starting Payara Micro on port $PORT..."
start_app
echo "  healthy (pid $APP); channels: maxRetries $MAX_RETRIES, retryDelayMs $RETRY_DELAY_MS, default timeouts"

set +e
python3 - "$BASE" "$TOKEN" "$WORK" "$RECEIVER_PORT" "$TLS_PORT" "$REFUSED_PORT" "$MAX_RETRIES" "$RETRY_DELAY_MS" "$SLOW_SECONDS" <<'PY'
import json, sys, time, urllib.request, urllib.error
from datetime import datetime

base, token, work = sys.argv[1], sys.argv[2], sys.argv[3]
rport, tport, nport, R, D, SLOW = (int(a) for a in sys.argv[4:10])
D_S = D / 1000

def api(method, path, body=None):
    data = None if body is None else json.dumps(body).encode()
    req = urllib.request.Request(base + "/api" + path, data=data, method=method,
                                 headers={"Authorization": "Bearer " + token, "Content-Type": "application/json"})
    try:
        with urllib.request.urlopen(req, timeout=60) as r:
            text = r.read().decode()
            return r.status, (json.loads(text) if text else None)
    except urllib.error.HTTPError as e:
        text = e.read().decode()
        try:
            return e.code, json.loads(text)
        except ValueError:
            return e.code, text

def ts(s):
    return datetime.fromisoformat(s.replace("Z", "+00:00")).timestamp() if s else None

# --- the faults: (name, url, what issue #4 defines, check(delivery, channel, requests) -> list of problems) ---
def attempts_of(d):
    return d.get("attempts", [])

def classes(d):
    return [(a.get("error") or {}).get("class") for a in attempts_of(d)]

def statuses(d):
    return [(a.get("response") or {}).get("status") for a in attempts_of(d)]

def gaps(d):
    starts = [ts(a["startedAt"]) + a["durationMs"] / 1000 for a in attempts_of(d)]
    begins = [ts(a["startedAt"]) for a in attempts_of(d)]
    return [round(begins[i + 1] - starts[i], 1) for i in range(len(begins) - 1)]

def expect(cond, problem, problems):
    if not cond:
        problems.append(problem)

def retried_error(error_class, per_attempt=None):
    def check(d, ch, reqs):
        p = []
        expect(d["status"] == "FAILED", f"status {d['status']}, want FAILED", p)
        expect(d["attemptCount"] == R + 1, f"{d['attemptCount']} attempts, want {R + 1}", p)
        expect(all(c == error_class for c in classes(d)), f"error classes {classes(d)}, want {error_class}", p)
        expect(all(g >= D_S - 0.5 for g in gaps(d)), f"gaps {gaps(d)} s, want >= {D_S} s", p)
        if per_attempt:
            per_attempt(d, p)
        return p
    return check

def slow_durations(d, p):
    durations = [a["durationMs"] for a in attempts_of(d)]
    expect(all(29_000 <= x <= 36_000 for x in durations), f"durations {durations} ms, want about 30000 (response timeout)", p)

def retried_status(code):
    def check(d, ch, reqs):
        p = []
        expect(d["status"] == "FAILED", f"status {d['status']}, want FAILED", p)
        expect(d["attemptCount"] == R + 1, f"{d['attemptCount']} attempts, want {R + 1}", p)
        expect(all(s == code for s in statuses(d)), f"statuses {statuses(d)}", p)
        expect(all(D_S - 0.5 <= g <= D_S + 5 for g in gaps(d)), f"gaps {gaps(d)} s, want about {D_S} s", p)
        expect(len(reqs) == R + 1, f"receiver saw {len(reqs)} requests, want {R + 1}", p)
        return p
    return check

def gone(d, ch, reqs):
    p = []
    expect(d["status"] == "FAILED", f"status {d['status']}, want FAILED", p)
    expect(d["attemptCount"] == 1, f"{d['attemptCount']} attempts, want 1", p)
    expect(d.get("nextAttemptAt") is None, "a next attempt is scheduled", p)
    expect(len(reqs) == 1, f"receiver saw {len(reqs)} requests, want 1", p)
    expect(ch.get("flagged") is True, f"channel flagged={ch.get('flagged')}, want true", p)
    return p

def retry_after(code, seconds):
    def check(d, ch, reqs):
        p = []
        expect(d["status"] == "SUCCEEDED", f"status {d['status']}, want SUCCEEDED", p)
        expect(statuses(d) == [code, 200], f"statuses {statuses(d)}, want [{code}, 200]", p)
        g = gaps(d)
        expect(len(g) == 1 and seconds - 0.5 <= g[0] <= seconds + 5, f"waited {g} s, want about {seconds} s (not {D_S} s)", p)
        return p
    return check

def retry_after_capped(d, ch, reqs):
    p = []
    a = attempts_of(d)
    expect(len(a) >= 1 and statuses(d)[0] == 429, f"statuses {statuses(d)}", p)
    if a:
        wait = ts(a[0].get("nextAttemptAt")) - ts(a[0]["startedAt"]) if a[0].get("nextAttemptAt") else None
        expect(wait is not None and 595 <= wait <= 605, f"next attempt {wait and round(wait)} s after the first, want 600 (10 min bound)", p)
    expect(d["status"] == "CANCELLED", f"status {d['status']} after cancel, want CANCELLED", p)
    return p

def redirect(d, ch, reqs):
    p = []
    expect(d["status"] == "SUCCEEDED", f"status {d['status']}, want SUCCEEDED", p)
    expect(statuses(d) == [302], f"statuses {statuses(d)}, want [302]", p)
    expect(len(reqs) == 1, f"receiver saw {len(reqs)} requests (the Location must not be followed)", p)
    return p

r = f"http://127.0.0.1:{rport}"
FAULTS = [
    ("slow (answers after %d s)" % SLOW, f"{r}/slow?s={SLOW}",
     f"timeout at 30 s, retried: FAILED, {R + 1} attempts, each TIMEOUT ~30 s", retried_error("TIMEOUT", slow_durations)),
    ("connection reset", f"{r}/reset",
     f"connection error, retried: FAILED, {R + 1} attempts, each CONNECTION", retried_error("CONNECTION")),
    ("connection refused", f"http://127.0.0.1:{nport}/hook",
     f"connection error, retried: FAILED, {R + 1} attempts, each CONNECTION_REFUSED", retried_error("CONNECTION_REFUSED")),
    ("500", f"{r}/status/500",
     f">399, retried {D_S:g} s apart: FAILED, {R + 1} attempts of 500", retried_status(500)),
    ("410 Gone", f"{r}/status/410",
     "no retry: FAILED after 1 attempt, channel flagged", gone),
    ("429 Retry-After: 7", f"{r}/retry-after?status=429&s=7",
     "Retry-After honoured: 2nd attempt 7 s later, SUCCEEDED", retry_after(429, 7)),
    ("503 Retry-After: 5", f"{r}/retry-after?status=503&s=5",
     "Retry-After honoured: 2nd attempt 5 s later, SUCCEEDED", retry_after(503, 5)),
    ("429 Retry-After: 86400", f"{r}/retry-after?status=429&s=86400",
     "Retry-After bounded: next attempt 10 min later (then cancelled)", retry_after_capped),
    ("302 redirect", f"{r}/status/302",
     "3xx is the final answer, not followed: SUCCEEDED, 1 attempt", redirect),
    ("TLS to a plain-HTTP port", f"https://127.0.0.1:{rport}/ok",
     f"TLS error, retried: FAILED, {R + 1} attempts, each TLS", retried_error("TLS")),
    ("TLS, self-signed certificate", f"https://127.0.0.1:{tport}/ok",
     f"TLS error, retried: FAILED, {R + 1} attempts, each TLS", retried_error("TLS")),
    ("DNS (name under .invalid)", "http://receiver.alertwire-faults.invalid/hook",
     f"DNS error, retried: FAILED, {R + 1} attempts, each DNS", retried_error("DNS")),
]

rows = []
for i, (name, url, expected, check) in enumerate(FAULTS):
    status, chk = api("POST", "/v1/checks", {"name": f"fault {i}: {name}", "checkType": "API"})
    if status != 201:
        print(f"could not create a check for {name}: {status} {chk}"); sys.exit(2)
    status, ch = api("POST", "/v1/alert-channels", {
        "name": f"fault {i}: {name}", "url": url, "method": "POST",
        "template": '{"title": "{{ALERT_TITLE}}", "check": "{{CHECK_ID}}"}',
        "maxRetries": R, "retryDelayMs": D, "subscriptions": [{"checkId": chk["id"]}]})
    if status != 201:
        print(f"could not create the channel for {name}: {status} {ch}"); sys.exit(2)
    rows.append({"name": name, "url": url, "expected": expected, "check": check, "checkId": chk["id"], "channel": ch["id"]})

started = time.time()
for row in rows:
    status, answer = api("POST", "/v1/alerts", {"ALERT_TYPE": "ALERT_FAILURE", "ALERT_TITLE": f"{row['name']} has failed",
                                               "CHECK_ID": row["checkId"], "CHECK_NAME": row["name"]})
    if status != 202 or len(answer["deliveries"]) != 1:
        print(f"alert for {row['name']} not accepted as one delivery: {status} {answer}"); sys.exit(2)
    row["delivery"] = answer["deliveries"][0]
print(f"sent {len(rows)} alerts; waiting for the end states...")

# The longest story: the slow receiver, R+1 response timeouts of 30 s with R waits of D between them.
deadline = started + (R + 1) * 31 + R * D_S + 60
capped = next(r for r in rows if r["name"].endswith("86400"))
finished = {"SUCCEEDED", "FAILED", "CANCELLED", "SUPERSEDED"}
while True:
    pending = []
    for row in rows:
        if row.get("final"):
            continue
        _, d = api("GET", f"/v1/deliveries/{row['delivery']}")
        if row is capped:
            # Its next attempt is 10 minutes away: read the bound off attempt 1, then cancel it.
            if d["attemptCount"] >= 1:
                api("POST", f"/v1/deliveries/{row['delivery']}/cancel")
                _, d = api("GET", f"/v1/deliveries/{row['delivery']}")
                row["final"] = d
            else:
                pending.append(row["name"])
        elif d["status"] in finished:
            row["final"] = d
        else:
            pending.append(row["name"])
    if not pending:
        break
    if time.time() > deadline:
        print(f"deadline reached; unfinished: {pending}")
        break
    time.sleep(2)
elapsed = time.time() - started
time.sleep(3)   # let a wrongly scheduled extra attempt show itself

received = []
try:
    received = [json.loads(l) for l in open(f"{work}/received.jsonl")]
except FileNotFoundError:
    pass

failures = 0
table = []
for row in rows:
    _, d = api("GET", f"/v1/deliveries/{row['delivery']}")
    _, ch = api("GET", f"/v1/alert-channels/{row['channel']}")
    reqs = [q for q in received if q["id"] == row["delivery"]]
    problems = row["check"](d, ch, reqs)
    if d["attemptCount"] != len(d.get("attempts", [])):
        problems.append(f"attemptCount {d['attemptCount']} but {len(d.get('attempts', []))} attempts listed")
    shown = []
    for a in d.get("attempts", []):
        what = (a.get("response") or {}).get("status") or (a.get("error") or {}).get("class")
        shown.append(f"{what} ({a['durationMs'] / 1000:.1f} s)")
    g = gaps(d)
    observed = f"{d['status']}, {d['attemptCount']} attempts: " + ", ".join(shown)
    if g:
        observed += f"; waits {', '.join('%g s' % x for x in g)}"
    last = (d.get("attempts") or [{}])[-1]
    if last.get("nextAttemptAt"):
        observed += f"; next attempt had been planned {ts(last['nextAttemptAt']) - ts(last['startedAt']):.0f} s after the last"
    if ch.get("flagged"):
        observed += "; channel flagged"
    errors = sorted({(a.get("error") or {}).get("message", "")[:90] for a in d.get("attempts", []) if a.get("error")})
    verdict = "PASS" if not problems else "FAIL"
    failures += bool(problems)
    table.append((row["name"], row["expected"], observed, verdict, problems, errors))

with open(f"{work}/result.json", "w") as out:
    json.dump([{"fault": t[0], "expected": t[1], "observed": t[2], "verdict": t[3], "problems": t[4], "errors": t[5]}
               for t in table], out, indent=1)
print()
print(f"=== receiver faults ({elapsed:.0f} s until every delivery had ended; maxRetries {R}, retryDelayMs {D}) ===")
for name, expected, observed, verdict, problems, errors in table:
    print(f"{verdict}  {name}")
    print(f"      expected: {expected}")
    print(f"      observed: {observed}")
    for e in errors:
        print(f"      error:    {e}")
    for p in problems:
        print(f"      PROBLEM:  {p}")
print(f"RESULT: {'PASS' if failures == 0 else 'FAIL'} ({len(table) - failures}/{len(table)} rows pass)")
sys.exit(1 if failures else 0)
PY
RESULT=$?
set -e
curl -sf "$BASE/health" >/dev/null && echo "app still healthy" || echo "app NOT healthy at the end"
echo "Payara log: $WORK/payara.log ($(grep -c 'SEVERE' "$WORK/payara.log" || true) SEVERE lines); receiver log: $WORK/received.jsonl"
exit $RESULT
