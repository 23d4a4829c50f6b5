# Shared by the survival scripts (receiver-faults.sh, bad-input.sh): private copies of the build, one
# Payara Micro with its own data dir, port and API token, and a small API client. Sourced, not run.
# The caller sets PORT and WORK and may set APP_HEAP (default 512m) before calling start_app.

die() { echo "$(basename "$0"): $*" >&2; exit 2; }

. scripts/lib/payara-options.sh

free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'
}

# Copies the WAR and the Payara Micro jar into $WORK (a build running meanwhile must not change them).
prepare_artifacts() {
  local war=${ALERTWIRE_WAR:-web-ui/target/alertwire.war} jar=${PAYARA_JAR:-web-ui/target/payara-micro.jar}
  if [ ! -f "$war" ] || [ ! -f "$jar" ]; then
    [ -z "${ALERTWIRE_WAR:-}${PAYARA_JAR:-}" ] || die "ALERTWIRE_WAR or PAYARA_JAR points at a missing file"
    echo "building (mvn -B -q -DskipTests package)..."
    mvn -B -q -DskipTests package
  fi
  cp "$war" "$WORK/alertwire.war"
  cp "$jar" "$WORK/payara-micro.jar"
}

# Someone measuring performance asked for a quiet machine.
wait_for_quiet_machine() {
  local said=""
  while [ -e /work/BENCH-RUNNING ]; do
    [ -n "$said" ] || { echo "waiting: /work/BENCH-RUNNING exists (a benchmark is running)"; said=1; }
    sleep 10
  done
}

APP=""
start_app() {
  if curl -s -o /dev/null "$BASE/" 2>/dev/null; then die "port $PORT is in use; set PORT"; fi
  wait_for_quiet_machine
  echo "=== start $(date -u +%FT%TZ)" >> "$WORK/payara.log"
  java -Xmx"${APP_HEAP:-512m}" -Dalertwire.data.dir="$WORK/data" -Dalertwire.port="$PORT" \
    -Dalertwire.api.token="$TOKEN" ${APP_JAVA_OPTS:-} \
    -jar "$WORK/payara-micro.jar" $PAYARA_OPTIONS --port "$PORT" --contextroot / --deploy "$WORK/alertwire.war" \
    >> "$WORK/payara.log" 2>&1 &
  APP=$!
  local until=$((SECONDS + 240))
  until curl -sf "$BASE/health" 2>/dev/null | grep -q UP; do
    kill -0 "$APP" 2>/dev/null || die "Payara Micro exited during start-up; see $WORK/payara.log"
    [ $SECONDS -lt $until ] || die "Payara Micro not healthy within 240 s; see $WORK/payara.log"
    sleep 0.5
  done
}

stop_app() {
  [ -n "$APP" ] || return 0
  kill "$APP" 2>/dev/null || true
  local n=0
  while kill -0 "$APP" 2>/dev/null && [ $n -lt 40 ]; do sleep 0.5; n=$((n + 1)); done
  kill -9 "$APP" 2>/dev/null || true
  wait "$APP" 2>/dev/null || true
  APP=""
}

# api METHOD PATH [JSON]: the body on stdout, nothing else; fails only when curl itself fails.
api() {
  curl -sS -X "$1" "$BASE/api$2" -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' ${3:+--data-binary "$3"}
}

# json_field FIELD: reads a JSON document on stdin and prints one top-level field.
json_field() {
  python3 -c 'import json,sys; v=json.load(sys.stdin).get(sys.argv[1]); print(v if v is not None else "")' "$1"
}
