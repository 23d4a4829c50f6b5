#!/usr/bin/env bash
# Bad input: start the app, store a few things (a channel, a check, a variable, a delivered alert), then send
# the API what it should refuse: malformed JSON, a 10 MiB body (with and without Content-Length), JSON nested
# 100,000 deep, templates that loop `each` inside `each` over a huge array (in a preview and in a real
# delivery), control characters and CR/LF in variables that end up in headers and URLs, unicode everywhere,
# an unknown check id, wrong tokens. For each case it prints the HTTP status and the problem+json title
# (or, for deliveries, the end state), then proves the app still serves (/health) and that what was stored
# at the start is unchanged. One PASS or FAIL per case.
#
# Usage: scripts/bad-input.sh [case-name-substring]
#   Builds the WAR first if it is missing; or point at artifacts with ALERTWIRE_WAR=... PAYARA_JAR=...
# Settings (environment): PORT=8184 WORK=<new dir under /tmp> APP_HEAP=512m LEASE_SECONDS=15
#   (the delivery lease is shortened from 180 s so that an attempt sent but not recorded shows up as a repeat)
# Exit status: 0 when every case passes, 1 when one fails, 2 when the run could not be carried out.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib/survival.sh

PORT=${PORT:-8184}
ONLY=${1:-}
TOKEN=bad-input-admin-token-$RANDOM$RANDOM$RANDOM
WORK=${WORK:-$(mktemp -d /tmp/alertwire-bad-input.XXXXXX)}
mkdir -p "$WORK"
BASE="http://127.0.0.1:$PORT"

prepare_artifacts
RECEIVER_PORT=$(free_port)
RECEIVER=""
cleanup() {
  [ -z "$RECEIVER" ] || kill "$RECEIVER" 2>/dev/null || true
  stop_app
}
trap cleanup EXIT
trap 'exit 130' INT TERM

python3 scripts/lib/fault-receiver.py "$RECEIVER_PORT" "$WORK/received.jsonl" > "$WORK/receiver.out" 2> "$WORK/receiver.err" &
RECEIVER=$!
until grep -q ready "$WORK/receiver.out" 2>/dev/null; do
  kill -0 "$RECEIVER" 2>/dev/null || die "receiver failed: $(cat "$WORK/receiver.err")"
  sleep 0.1
done

echo "work dir: $WORK"
export LEASE_SECONDS=${LEASE_SECONDS:-15}
APP_JAVA_OPTS="-Dalertwire.delivery.lease-seconds=$LEASE_SECONDS"
echo "starting Payara Micro on port $PORT (heap ${APP_HEAP:-512m}, delivery lease $LEASE_SECONDS s)..."
start_app
echo "  healthy (pid $APP)"

set +e
python3 - "$BASE" "$TOKEN" "$WORK" "$RECEIVER_PORT" "$APP" "$ONLY" <<'PY'
import http.client, json, os, sys, time
from urllib.parse import urlsplit

base, token, work, rport, app_pid, only = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4]), int(sys.argv[5]), sys.argv[6]
host, port = urlsplit(base).hostname, urlsplit(base).port
LEASE_SECONDS = int(os.environ.get("LEASE_SECONDS", "15"))
RECEIVER = f"http://127.0.0.1:{rport}/ok"


class Answer:
    def __init__(self, status, ctype, body, seconds, error=None):
        self.status, self.ctype, self.body, self.seconds, self.error = status, ctype, body, seconds, error

    def json(self):
        try:
            return json.loads(self.body)
        except ValueError:
            return None

    def title(self):
        j = self.json()
        if isinstance(j, dict) and "title" in j:
            detail = j.get("detail") or ""
            errors = j.get("errors") or []
            where = ""
            if errors and "line" in errors[0]:
                where = f" (line {errors[0]['line']}, column {errors[0]['column']})"
            return f"{j['title']}: {detail[:110]}{where}"
        return (self.body[:120].decode("utf-8", "replace") if isinstance(self.body, bytes) else str(self.body)[:120]).replace("\n", " ")

    def __str__(self):
        if self.error:
            return f"no answer after {self.seconds:.1f} s ({self.error})"
        problem = " problem+json" if self.ctype.startswith("application/problem+json") else f" [{self.ctype}]"
        return f"{self.status}{problem} \"{self.title()}\" in {self.seconds:.1f} s"


def raw(method, path, body=None, headers=None, chunked=False, auth=True, timeout=120):
    """One request on a fresh connection; the body as bytes (or str), sent chunked when asked."""
    h = {"Content-Type": "application/json"}
    if auth:
        h["Authorization"] = "Bearer " + token
    h.update(headers or {})
    if isinstance(body, str):
        body = body.encode("utf-8")
    conn = http.client.HTTPConnection(host, port, timeout=timeout)
    t = time.time()
    try:
        if chunked:
            def pieces(data=body, size=64 * 1024):
                for i in range(0, len(data), size):
                    yield data[i:i + size]
            conn.request(method, path, pieces(), h, encode_chunked=True)
        else:
            conn.request(method, path, body, h)
        r = conn.getresponse()
        data = r.read()
        return Answer(r.status, r.getheader("Content-Type") or "", data, time.time() - t)
    except Exception as e:
        return Answer(None, "", b"", time.time() - t, error=f"{type(e).__name__}: {e}"[:160])
    finally:
        conn.close()


def api(method, path, doc=None, **kw):
    a = raw(method, "/api" + path, None if doc is None else json.dumps(doc), **kw)
    return a.status, a.json()


class SetupFailed(Exception):
    pass


def must(status_and_json, want, what):
    """Setup steps must work; at the top they end the run (exit 2), inside a case they fail the case."""
    status, j = status_and_json
    if status != want:
        raise SetupFailed(f"{what}: {status} {str(j)[:200]}")
    return j


def health():
    a = raw("GET", "/health", auth=False, timeout=30)
    return a.status == 200 and b"UP" in a.body, a.seconds


def received():
    try:
        return [json.loads(l) for l in open(f"{work}/received.jsonl")]
    except FileNotFoundError:
        return []


def wait_delivery(delivery_id, seconds=90):
    end = time.time() + seconds
    while True:
        status, d = api("GET", f"/v1/deliveries/{delivery_id}", timeout=30)
        if status == 200 and d["status"] in ("SUCCEEDED", "FAILED", "CANCELLED", "SUPERSEDED"):
            return d
        if time.time() > end:
            return d if status == 200 else {"status": f"unreadable ({status})", "attempts": [], "attemptCount": 0}
        time.sleep(1)


def attempt_text(d):
    out = []
    for a in d.get("attempts", []):
        if a.get("response"):
            out.append(str(a["response"]["status"]))
        elif a.get("error"):
            out.append(f"{a['error']['class']}: {a['error']['message'][:110]}")
    return "; ".join(out)


check_counter = [0]
def check_and_channel(name, **channel):
    """A check and a channel subscribed to it only, so alerts about other checks never reach it."""
    check_counter[0] += 1
    chk = must(api("POST", "/v1/checks", {"name": f"{name} #{check_counter[0]}", "checkType": "API"}), 201, "check")
    doc = {"name": name, "url": RECEIVER, "method": "POST", "maxRetries": 0,
           "template": '{"title": "{{ALERT_TITLE}}"}', "subscriptions": [{"checkId": chk["id"]}]}
    doc.update(channel)
    ch = must(api("POST", "/v1/alert-channels", doc), 201, f"channel {name}")
    return chk["id"], ch["id"]


def alert(check_id, **variables):
    doc = {"ALERT_TYPE": "ALERT_FAILURE", "CHECK_ID": check_id, "CHECK_NAME": "bad input"}
    doc.update(variables)
    status, j = api("POST", "/v1/alerts", doc)
    return status, j


# --- what is stored before any bad input: it must read back the same after every case -----------------------
UNICODE_NAME = "Bereitschaft ✓ 通知 🚨 עברית e\u0301"


def setup():
  global sentinel_check, sentinel, sentinel_delivery
  sentinel_check = must(api("POST", "/v1/checks", {"name": "Sentinel check Ω", "checkType": "API", "tags": ["prod", "ü"]}), 201, "check")
  must(api("POST", "/v1/variables", {"key": "SENTINEL_VAR", "value": "kept ✓"}), 201, "variable")
  sentinel = must(api("POST", "/v1/alert-channels", {
      "name": "Sentinel " + UNICODE_NAME, "url": RECEIVER, "method": "POST",
      "headers": [{"key": "X-Sentinel", "value": "yes"}, {"key": "Authorization", "value": "Bearer s3cret", "locked": True}],
      "template": '{"title": "{{ALERT_TITLE}}", "v": "{{SENTINEL_VAR}}"}',
      "subscriptions": [{"checkId": sentinel_check["id"]}]}), 201, "sentinel channel")
  status, accepted = alert(sentinel_check["id"], ALERT_TITLE="Sentinel alert ✓")
  sentinel_delivery = wait_delivery(accepted["deliveries"][0], 60)
  if sentinel_delivery["status"] != "SUCCEEDED":
      raise SetupFailed(f"the sentinel alert was not delivered: {sentinel_delivery}")


try:
    setup()
except SetupFailed as e:
    print(f"setup failed: {e}")
    sys.exit(2)


def snapshot():
    parts = {}
    for name, path in [("channel", f"/v1/alert-channels/{sentinel['id']}"), ("check", f"/v1/checks/{sentinel_check['id']}"),
                       ("variable", "/v1/variables/SENTINEL_VAR"), ("delivery", f"/v1/deliveries/{sentinel_delivery['id']}")]:
        status, j = api("GET", path, timeout=60)
        parts[name] = (status, j)
    return parts


BEFORE = snapshot()
if any(s != 200 for s, _ in BEFORE.values()):
    print(f"setup failed: cannot read the stored data back: {BEFORE}")
    sys.exit(2)


def intact():
    now = snapshot()
    changed = [k for k in BEFORE if now[k] != BEFORE[k]]
    return not changed, changed


# --- the cases -------------------------------------------------------------------------------------------------
results = []

def case(name, expected):
    def register(fn):
        if only and only.lower() not in name.lower():
            return fn
        print(f"--- {name}", flush=True)
        t = time.time()
        try:
            observed, ok = fn()
        except Exception as e:
            observed, ok = f"case crashed: {type(e).__name__}: {e}", False
        up, health_seconds = health()
        whole, changed = intact()
        serving = f"/health {'UP' if up else 'NOT UP'} ({health_seconds:.2f} s)"
        stored = "stored data intact" if whole else f"STORED DATA CHANGED: {changed}"
        verdict = "PASS" if ok and up and whole else "FAIL"
        print(f"{verdict}  {observed}\n      expected: {expected}\n      then: {serving}; {stored} ({time.time() - t:.1f} s)", flush=True)
        results.append({"case": name, "expected": expected, "observed": observed, "serving": serving, "stored": stored, "verdict": verdict})
        return fn
    return register


def refused(a, statuses=(400,)):
    """A clear refusal: one of the expected statuses, as problem+json with a title, quickly."""
    return a.status in statuses and a.ctype.startswith("application/problem+json") and a.seconds < 30


@case("malformed JSON (channel)", "400 problem+json with line and column")
def _():
    a = raw("POST", "/api/v1/alert-channels", '{"name": "broken", "url": "http://x.example/", "template": "{}" ,,}')
    return str(a), refused(a) and "line" in (a.json() or {}).get("errors", [{}])[0]


@case("malformed JSON (alert)", "400 problem+json")
def _():
    a = raw("POST", "/api/v1/alerts", '{"ALERT_TYPE": "ALERT_FAILURE", "ALERT_TITLE": "unterminated')
    return str(a), refused(a)


@case("JSON that is not an object (alert)", "400 problem+json")
def _():
    a = raw("POST", "/api/v1/alerts", '[1, 2, 3]')
    return str(a), refused(a)


@case("empty body (alert)", "400 problem+json")
def _():
    a = raw("POST", "/api/v1/alerts", b"")
    return str(a), refused(a)


@case("invalid UTF-8 bytes (alert)", "400 problem+json, nothing stored")
def _():
    a = raw("POST", "/api/v1/alerts", b'{"ALERT_TYPE": "ALERT_FAILURE", "ALERT_TITLE": "bad \xff\xfe\xc3 bytes"}')
    return str(a), refused(a)


TEN_MIB = 10 * 1024 * 1024
def big_alert():
    filler = "x" * (TEN_MIB - 100)
    return json.dumps({"ALERT_TYPE": "ALERT_FAILURE", "ALERT_TITLE": "big", "CHECK_ID": "big-body", "PAD": filler})


@case("10 MiB body with Content-Length (alert)", "413 problem+json, nothing stored")
def _():
    a = raw("POST", "/api/v1/alerts", big_alert())
    return str(a), refused(a, (413,))


@case("10 MiB body, chunked, no Content-Length (alert)", "413 problem+json, nothing stored")
def _():
    a = raw("POST", "/api/v1/alerts", big_alert(), chunked=True)
    stored = api("GET", "/v1/deliveries?checkId=big-body")[1]
    note = ""
    if a.status == 202:
        note = " (the alert was ACCEPTED and stored)"
    return str(a) + note, refused(a, (413,))


@case("10 MiB body, chunked (channel template)", "413 problem+json, nothing stored")
def _():
    doc = json.dumps({"name": "huge template", "url": RECEIVER, "template": "x" * TEN_MIB,
                      "subscriptions": [{"checkId": sentinel_check["id"]}]})
    a = raw("POST", "/api/v1/alert-channels", doc, chunked=True)
    return str(a), refused(a, (413,))


def nested(depth, kind):
    if kind == "array":
        return "[" * depth + "]" * depth
    return '{"a":' * depth + "1" + "}" * depth


@case("JSON nested 100,000 deep, arrays (alert)", "400 problem+json")
def _():
    a = raw("POST", "/api/v1/alerts", '{"ALERT_TYPE": "ALERT_FAILURE", "CHECK_ID": "deep", "X": ' + nested(100_000, "array") + "}")
    return str(a), refused(a)


@case("JSON nested 100,000 deep, objects (check result)", "400 problem+json")
def _():
    a = raw("POST", "/api/v1/check-results", '{"check": {"name": "deep"}, "hasFailures": true, "x": ' + nested(100_000, "object") + "}")
    return str(a), refused(a)


@case("JSON nested 100,000 deep (import)", "400 problem+json")
def _():
    a = raw("POST", "/api/v1/import?dryRun=true", '{"alertChannels": ' + nested(100_000, "array") + "}")
    return str(a), refused(a)


@case("JSON nested 5,000 deep in an alert variable, rendered by a channel", "refused (400), or accepted and delivered/failed cleanly")
def _():
    check_id, _ = check_and_channel("deep variable", template='{"x": "{{X}}", "t": "{{ALERT_TITLE}}"}')
    a = raw("POST", "/api/v1/alerts", json.dumps({"ALERT_TYPE": "ALERT_FAILURE", "CHECK_ID": check_id})[:-1]
            + ', "X": ' + nested(5_000, "array") + "}")
    if a.status == 202:
        d = wait_delivery(a.json()["deliveries"][0], 60)
        return f"{a}; delivery {d['status']} ({attempt_text(d)})", d["status"] in ("SUCCEEDED", "FAILED")
    return str(a), refused(a)


# Templates that loop `each` inside `each`: the work is the product of the array sizes.
BIG = 100_000
LOOP_WITH_OUTPUT = '{"x": "{{#each LIST}}{{#each @root.LIST}}{{this}}{{/each}}{{/each}}"}'
LOOP_SILENT = '{"x": "{{#each LIST}}{{#each @root.LIST}}{{/each}}{{/each}}"}'


# Variables hold at most 10,000 characters: 5,000 items, nested three deep, is 1.25 * 10^11 iterations.
LIST_ITEMS = 5_000
# (split s "," -1) is the whole array, as in the hosted product's helper.
PREVIEW_LOOP = '{{#each (split LIST_VAR "," -1)}}{{#each (split @root.LIST_VAR "," -1)}}{{#each (split @root.LIST_VAR "," -1)}}BODY{{/each}}{{/each}}{{/each}}'


def preview_loop(body):
    status, _ = api("GET", "/v1/variables/LIST_VAR")
    if status != 200:
        must(api("POST", "/v1/variables", {"key": "LIST_VAR", "value": ",".join(["i"] * LIST_ITEMS)}), 201, "variable")
    template = PREVIEW_LOOP.replace("BODY", body)
    a = raw("POST", "/api/v1/templates/preview", json.dumps({"url": RECEIVER, "template": template}), timeout=120)
    j = a.json() or {}
    errors = "; ".join(e["message"] for e in j.get("errors", []))[:140]
    return f"{a.status} valid={j.get('valid')} {errors} in {a.seconds:.1f} s" if a.status else str(a), \
        a.status in (200, 400) and j.get("valid") is not True and a.seconds < 30


@case("preview: each inside each inside each over split of a 5,000 item variable", "answers within seconds: template error (too much output), no hang")
def _():
    return preview_loop("{{this}}")


@case("preview: the same loops with no output (pure work)", "answers within seconds: template error, no hang")
def _():
    return preview_loop("")


@case("preview: 25 nested each over the sample TAGS (3^25 iterations)", "answers within seconds: template error, no hang")
def _():
    template = "{{#each @root.TAGS}}" * 25 + "." + "{{/each}}" * 25
    a = raw("POST", "/api/v1/templates/preview", json.dumps({"url": RECEIVER, "template": template}), timeout=120)
    j = a.json() or {}
    errors = "; ".join(e["message"] for e in j.get("errors", []))[:140]
    return f"{a.status} valid={j.get('valid')} {errors} in {a.seconds:.1f} s" if a.status else str(a), \
        a.status in (200, 400) and j.get("valid") is not True and a.seconds < 30


def loop_delivery(template):
    check_id, _ = check_and_channel("loop", template=template)
    canary_check, _ = check_and_channel("canary")
    status, j = alert(check_id, ALERT_TITLE="loop", LIST=[f"t{i}" for i in range(BIG)])
    if status != 202:
        return f"alert refused: {status} {j}", False
    time.sleep(2)
    # The dispatcher must keep serving other channels while that one renders.
    t = time.time()
    _, c = alert(canary_check, ALERT_TITLE="canary")
    canary = wait_delivery(c["deliveries"][0], 60)
    canary_s = time.time() - t
    d = wait_delivery(j["deliveries"][0], 90)
    ok = d["status"] == "FAILED" and canary["status"] == "SUCCEEDED" and canary_s < 30
    return (f"202; loop delivery {d['status']} after {d['attemptCount']} attempt(s) ({attempt_text(d)[:150]}); "
            f"another channel's alert meanwhile: {canary['status']} in {canary_s:.1f} s"), ok


@case("delivery: each inside each over a 100,000 item TAGS-like array (output 10^10 items)",
      "delivery FAILED with a template error, not retried; other deliveries unaffected; no OutOfMemoryError")
def _():
    return loop_delivery(LOOP_WITH_OUTPUT)


@case("delivery: each inside each over a 100,000 item array, no output",
      "delivery FAILED with a template error; other deliveries unaffected; no endless CPU")
def _():
    return loop_delivery(LOOP_SILENT)


@case("size edge: alert of 1,040,000 characters (under the 1 MiB body limit)", "202, or a 4xx problem+json; not 500")
def _():
    a = raw("POST", "/api/v1/alerts", json.dumps({"ALERT_TYPE": "ALERT_FAILURE", "CHECK_ID": "size-edge", "PAD": "x" * 1_040_000}))
    return str(a), a.status == 202 or refused(a, (400, 413))


@case("size edge: a rendered body of 1.7 million characters",
      "sent once and recorded (SUCCEEDED, 1 attempt, body stored truncated); the receiver sees exactly one request")
def _():
    check_id, _ = check_and_channel("big body", template='{"t": "{{#each TAGS}}{{this}}{{this}}{{this}}{{/each}}"}')
    status, j = alert(check_id, ALERT_TITLE="big body", TAGS=[f"t{i:06d}" for i in range(80_000)])
    if status != 202:
        return f"alert refused: {status} {j}", False
    d = wait_delivery(j["deliveries"][0], 60)
    time.sleep(LEASE_SECONDS + 10)  # an attempt that was sent but not recorded is sent again when its lease expires
    _, d = api("GET", f"/v1/deliveries/{d['id']}")
    arrived = [r for r in received() if r.get("id") == d["id"]]
    stored = len(((d.get("attempts") or [{}])[0].get("request") or {}).get("body") or "")
    sizes = sorted({r.get("bodyLength") for r in arrived})
    return (f"delivery {d['status']}, {d['attemptCount']} attempt(s) recorded, body stored {stored} characters; "
            f"receiver saw {len(arrived)} request(s) of {sizes} bytes"), \
        d["status"] == "SUCCEEDED" and d["attemptCount"] == 1 and len(arrived) == 1


def header_injection(value, label):
    check_id, _ = check_and_channel("header " + label, headers=[{"key": "X-Alert-Title", "value": "{{ALERT_TITLE}}"}])
    status, j = alert(check_id, ALERT_TITLE=value)
    if status != 202:
        return f"alert refused: {status}", False
    d = wait_delivery(j["deliveries"][0], 60)
    injected = [r for r in received() if r.get("id") == d["id"] and any(k.lower() == "x-injected" for k, _ in r.get("headers", []))]
    arrived = [r for r in received() if r.get("id") == d["id"]]
    ok = d["status"] == "FAILED" and d["attemptCount"] == 1 and not arrived and \
        all((a.get("error") or {}).get("class") == "INVALID_REQUEST" for a in d["attempts"])
    return (f"delivery {d['status']}, {d['attemptCount']} attempt(s): {attempt_text(d)[:140]}; "
            f"requests at the receiver: {len(arrived)}, with X-Injected: {len(injected)}"), ok


@case("CR/LF in a variable rendered into a header (X-Injected attempt)", "delivery FAILED (INVALID_REQUEST, not retried); nothing sent; no injected header")
def _():
    return header_injection("down\r\nX-Injected: yes", "crlf")


@case("lone LF in a variable rendered into a header", "delivery FAILED (INVALID_REQUEST); nothing sent")
def _():
    return header_injection("down\nX-Injected: yes", "lf")


@case("NUL and BEL control characters in a header variable", "delivery FAILED (INVALID_REQUEST); nothing sent")
def _():
    return header_injection("down\u0000\u0007", "ctl")


@case("CR/LF in a variable rendered into the URL", "delivery FAILED (INVALID_REQUEST); nothing sent")
def _():
    check_id, _ = check_and_channel("url crlf", url=f"http://127.0.0.1:{rport}/ok/{{{{ALERT_TITLE}}}}")
    status, j = alert(check_id, ALERT_TITLE="x HTTP/1.1\r\nX-Injected: yes\r\n\r\n")
    d = wait_delivery(j["deliveries"][0], 60)
    arrived = [r for r in received() if r.get("id") == d["id"]]
    return f"delivery {d['status']}: {attempt_text(d)[:140]}; requests at the receiver: {len(arrived)}", \
        d["status"] == "FAILED" and not arrived


@case("CR/LF in a query parameter variable", "sent, with the value percent-encoded (%0D%0A), no injected header")
def _():
    check_id, _ = check_and_channel("query crlf", queryParameters=[{"key": "t", "value": "{{ALERT_TITLE}}"}])
    status, j = alert(check_id, ALERT_TITLE="a\r\nX-Injected: yes")
    d = wait_delivery(j["deliveries"][0], 60)
    arrived = [r for r in received() if r.get("id") == d["id"]]
    paths = [r["path"] for r in arrived]
    injected = any(any(k.lower() == "x-injected" for k, _ in r.get("headers", [])) for r in arrived)
    return f"delivery {d['status']}; receiver saw {paths}", \
        d["status"] == "SUCCEEDED" and not injected and all("%0D%0A" in p for p in paths)


@case("CR/LF from a global variable in a header, in the preview", "preview answers valid=false naming the header")
def _():
    must(api("POST", "/v1/variables", {"key": "CRLF_VAR", "value": "a\r\nX-Injected: yes"}), 201, "variable")
    a = raw("POST", "/api/v1/templates/preview", json.dumps(
        {"url": RECEIVER, "headers": [{"key": "X-T", "value": "{{CRLF_VAR}}"}], "template": "{}"}))
    j = a.json() or {}
    errors = "; ".join(f"{e['field']}: {e['message']}" for e in j.get("errors", []))
    return f"{a.status} valid={j.get('valid')} {errors[:140]}", a.status == 200 and j.get("valid") is False


@case("CR/LF in a header name (channel)", "400 problem+json naming headers[0].key")
def _():
    a = raw("POST", "/api/v1/alert-channels", json.dumps({"name": "bad header", "url": RECEIVER,
            "headers": [{"key": "X-A\r\nX-Injected", "value": "1"}], "subscriptions": [{"checkId": sentinel_check["id"]}]}))
    return str(a), refused(a) and "headers[0].key" in a.body.decode()


UNI = "Störung ✓ 通知 🚨 עברית e\u0301 \u200b"


@case("unicode everywhere: channel, check, variable, template, alert; delivered byte for byte",
      "201/202; names read back unchanged; receiver gets the exact UTF-8 body")
def _():
    must(api("POST", "/v1/variables", {"key": "UNI_VAR", "value": UNI}), 201, "variable")
    check_id, channel_id = check_and_channel(
        "Канал " + UNI, template='{"t": "{{ALERT_TITLE}}", "v": "{{UNI_VAR}}", "tags": "{{#each TAGS}}{{this}}|{{/each}}", "lit": "ü→🚨"}',
        queryParameters=[{"key": "q", "value": "{{ALERT_TITLE}}"}])
    status, ch = api("GET", f"/v1/alert-channels/{channel_id}")
    name_ok = ch["name"] == "Канал " + UNI
    status, j = alert(check_id, ALERT_TITLE=UNI, TAGS=["ü", "🚨", "通知"])
    d = wait_delivery(j["deliveries"][0], 60)
    arrived = [r for r in received() if r.get("id") == d["id"]]
    want = json.dumps({"t": UNI, "v": UNI, "tags": "ü|🚨|通知|", "lit": "ü→🚨"}, ensure_ascii=False, separators=(", ", ": "))
    got = arrived[0]["body"] if arrived else None
    body_ok = got == want
    return (f"channel name round trip {'ok' if name_ok else 'CHANGED'}; delivery {d['status']}; "
            f"body {'identical' if body_ok else 'DIFFERENT: ' + repr(got)[:120]}; path {arrived[0]['path'][:60] if arrived else None}"), \
        name_ok and d["status"] == "SUCCEEDED" and body_ok


@case("unicode (beyond Latin-1) rendered into a header", "a clear error before sending (preview and delivery agree), or sent encoded")
def _():
    check_id, _ = check_and_channel("unicode header", headers=[{"key": "X-Alert-Title", "value": "{{ALERT_TITLE}}"}])
    status, j = alert(check_id, ALERT_TITLE=UNI)
    d = wait_delivery(j["deliveries"][0], 60)
    a = raw("POST", "/api/v1/templates/preview", json.dumps(
        {"url": RECEIVER, "headers": [{"key": "X-T", "value": "{{UNI_VAR}}"}], "template": "{}"}))
    p = a.json() or {}
    preview = "valid" if p.get("valid") else "invalid: " + "; ".join(e["message"] for e in p.get("errors", []))[:100]
    agree = (p.get("valid") is True) == (d["status"] == "SUCCEEDED")
    return f"delivery {d['status']}: {attempt_text(d)[:120] or 'sent'}; preview {preview}", agree and d["status"] in ("SUCCEEDED", "FAILED")


@case("half a surrogate pair (\\ud83d) in a channel name", "400 problem+json, or stored and read back exactly")
def _():
    name = "half \ud83d pair"
    a = raw("POST", "/api/v1/alert-channels", '{"name": "half \\ud83d pair", "url": "' + RECEIVER
            + '", "subscriptions": [{"checkId": "' + sentinel_check["id"] + '"}]}')
    if a.status == 201:
        _, back = api("GET", f"/v1/alert-channels/{a.json()['id']}")
        return f"{a.status}; read back as {back['name']!r}", back["name"] == name
    return str(a), refused(a)


@case("NUL and other control characters in a channel name", "201 and read back exactly, or 400 problem+json")
def _():
    name = "nul \u0000 bel \u0007 del \u007f"
    a = raw("POST", "/api/v1/alert-channels", json.dumps({"name": name, "url": RECEIVER,
            "subscriptions": [{"checkId": sentinel_check["id"]}]}))
    if a.status == 201:
        _, back = api("GET", f"/v1/alert-channels/{a.json()['id']}")
        return f"{a.status}; read back as {back['name']!r}", back["name"] == name
    return str(a), refused(a)


@case("unknown check id in a check result", "404 or 400 problem+json naming the check")
def _():
    a = raw("POST", "/api/v1/check-results", json.dumps({"check": {"id": "no-such-check-0000"}, "hasFailures": True}))
    return str(a), refused(a, (400, 404, 422))


@case("unknown check id in a channel subscription", "400 problem+json naming subscriptions[0].checkId")
def _():
    a = raw("POST", "/api/v1/alert-channels", json.dumps({"name": "x", "url": RECEIVER, "subscriptions": [{"checkId": "no-such-check"}]}))
    return str(a), refused(a)


@case("wrong token", "401 problem+json")
def _():
    a = raw("POST", "/api/v1/alerts", '{"ALERT_TYPE": "ALERT_FAILURE"}', auth=False, headers={"Authorization": "Bearer aw_wrong"})
    return str(a), refused(a, (401,))


@case("no token", "401 problem+json")
def _():
    a = raw("GET", "/api/v1/alert-channels", auth=False)
    return str(a), refused(a, (401,))


@case("not a bearer token (Basic)", "401 problem+json")
def _():
    a = raw("GET", "/api/v1/alert-channels", auth=False, headers={"Authorization": "Basic YWRtaW46YWRtaW4="})
    return str(a), refused(a, (401,))


@case("wrong token of 60 KiB", "401 (or 431/400), not 500")
def _():
    a = raw("GET", "/api/v1/alert-channels", auth=False, headers={"Authorization": "Bearer " + "A" * 60_000})
    return str(a), a.status in (400, 401, 413, 431)


@case("viewer token writing", "403 problem+json")
def _():
    viewer = must(api("POST", "/v1/api-tokens", {"name": "viewer", "role": "viewer"}), 201, "viewer token")
    a = raw("DELETE", f"/api/v1/alert-channels/{sentinel['id']}", auth=False, headers={"Authorization": "Bearer " + viewer["token"]})
    return str(a), refused(a, (403,))


# --- summary ---------------------------------------------------------------------------------------------------
json.dump(results, open(f"{work}/result.json", "w"), indent=1, ensure_ascii=False)
failed = [r for r in results if r["verdict"] != "PASS"]
print()
print(f"=== bad input: {len(results) - len(failed)}/{len(results)} cases pass ===")
for r in results:
    print(f"{r['verdict']}  {r['case']}")
print("RESULT: " + ("PASS" if not failed else "FAIL"))
sys.exit(1 if failed else 0)
PY
RESULT=$?
set -e
echo "Payara log: $WORK/payara.log ($(grep -c 'SEVERE' "$WORK/payara.log" || true) SEVERE lines, $(grep -c 'OutOfMemoryError' "$WORK/payara.log" || true) OutOfMemoryError, $(grep -c 'StackOverflowError' "$WORK/payara.log" || true) StackOverflowError)"
exit $RESULT
