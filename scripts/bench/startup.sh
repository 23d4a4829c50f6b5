#!/usr/bin/env bash
# Start-up and footprint (issue 15): for each variant, a start on a fresh data directory (time to /health/ready
# UP and to the console's login page answering 200, and the CPU the process had used by then: on two cores the
# start is CPU-bound, and the same start's CPU changes with the host's speed, so it tells a slow host from a
# slow start), the resident set 60 s after the console answered (idle),
# then a restart on the same data directory (the same two times). Then the artifact's size and what each part
# costs. Prints figures; asserts nothing. Variants run one after another in the same run, so old and new see
# the same machine; the load average is printed with each.
#
#   scripts/bench/startup.sh                         # builds, then every variant in VARIANTS
#   SKIP_BUILD=1 OLD_WAR=/tmp/main.war scripts/bench/startup.sh
#   VARIANTS="old new" IDLE=30 scripts/bench/startup.sh
#
# Variants (VARIANTS, default "old new-noflags new new-cds"):
#   old         main's way: payara-micro.jar + OLD_WAR (default: this build's WAR), OLD_PAYARA_OPTIONS
#               (default --nohazelcast), no JVM options: the heap may grow to a quarter of the machine's memory
#   old-flags   the same with the JVM options of "new" (isolates them)
#   new-noflags java -jar alertwire.jar, no JVM options
#   new         java $NEW_JVM_OPTS -jar alertwire.jar (default: the README's "-Xmx512m -Xms64m -XX:+UseSerialGC -Xss512k")
#   new2        as new with NEW2_JVM_OPTS instead (two option sets side by side in one run)
#   old-jar     as new with OLD_ARTIFACT (an earlier build's alertwire.jar) instead of this build's
#   new-cds     as new plus an AppCDS archive: one training start writes it (-XX:ArchiveClassesAtExit), the
#               measured starts use it (-XX:SharedArchiveFile)
# NEW_ENV (environment of the new variants, default MALLOC_ARENA_MAX=2 as the README; NEW_ENV=X=1 to leave it out).
# Knobs: IDLE (s after the console answered before reading the RSS, 60), TIMEOUT (s per start, 400),
# PORT (18480), ARTIFACT (web-ui/target/alertwire.jar), PAYARA_JAR (web-ui/target/payara-micro.jar).
set -euo pipefail
cd "$(dirname "$0")/../.."
PORT=${PORT:-18480}
IDLE=${IDLE:-60}
TIMEOUT=${TIMEOUT:-400}
VARIANTS=${VARIANTS:-old new-noflags new new-cds}
NEW_JVM_OPTS=${NEW_JVM_OPTS:--Xmx512m -Xms64m -XX:+UseSerialGC -Xss512k}
NEW_ENV=${NEW_ENV:-MALLOC_ARENA_MAX=2} # the new variants' environment, as the README's command
OLD_PAYARA_OPTIONS=${OLD_PAYARA_OPTIONS:---nohazelcast}

if [ "${SKIP_BUILD:-}" != 1 ]; then
  mvn -B -q -DskipTests package -pl web-ui -am
fi
WORK=$(mktemp -d /tmp/alertwire-startup.XXXXXX)
cp "${ARTIFACT:-web-ui/target/alertwire.jar}" "$WORK/alertwire.jar"
cp "${PAYARA_JAR:-web-ui/target/payara-micro.jar}" "$WORK/payara-micro.jar"
cp "${OLD_WAR:-web-ui/target/alertwire.war}" "$WORK/old.war"
case " $VARIANTS " in *" old-jar "*) cp "${OLD_ARTIFACT:?OLD_ARTIFACT: the earlier alertwire.jar for variant old-jar}" "$WORK/old-alertwire.jar" ;; esac
APP=""
trap '[ -z "$APP" ] || { kill $APP 2>/dev/null; wait $APP 2>/dev/null; }; rm -rf "$WORK"' EXIT
BASE="http://127.0.0.1:$PORT"

now() { date +%s.%N; }
since() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.1f", b - a }'; }
rss_mb() { awk '/^VmRSS/ { printf "%d", $2 / 1024 }' "/proc/$1/status"; }
TICKS=$(getconf CLK_TCK)
cpu_s() { awk -v hz="$TICKS" '{ printf "%.1f", ($14 + $15) / hz }' "/proc/$1/stat"; } # user + system, all threads

# launch VARIANT DATA_DIR [training]: starts the variant in the background; APP is its pid.
launch() {
  local variant=$1 data=$2 training=${3:-} jvm=() cmd=()
  case $variant in
    old-flags|new|new-cds|old-jar) read -r -a jvm <<< "$NEW_JVM_OPTS" ;;
    new2) read -r -a jvm <<< "${NEW2_JVM_OPTS:?NEW2_JVM_OPTS: the second option set}" ;;
  esac
  if [ "$variant" = new-cds ]; then
    if [ -n "$training" ]; then jvm+=("-XX:ArchiveClassesAtExit=$WORK/app.jsa"); else jvm+=("-XX:SharedArchiveFile=$WORK/app.jsa"); fi
  fi
  case $variant in
    old|old-flags)
      read -r -a opts <<< "$OLD_PAYARA_OPTIONS"
      cmd=(java "${jvm[@]}" -Dalertwire.data.dir="$data" -Dalertwire.port=$PORT -jar "$WORK/payara-micro.jar" "${opts[@]}"
        --port $PORT --contextroot / --deploy "$WORK/old.war") ;;
    *)
      read -r -a envs <<< "$NEW_ENV"
      local jar="$WORK/alertwire.jar"
      [ "$variant" != old-jar ] || jar="$WORK/old-alertwire.jar"
      cmd=(env "${envs[@]}" ALERTWIRE_PORT=$PORT ALERTWIRE_DATA_DIR="$data" java "${jvm[@]}" -jar "$jar") ;;
  esac
  "${cmd[@]}" >> "$WORK/$variant.log" 2>&1 &
  APP=$!
}

# await: sets T_HEALTH and T_CONSOLE (seconds since START) when /health/ready says UP and /login.xhtml answers 200.
await() {
  T_HEALTH="" T_CONSOLE=""
  while [ -z "$T_HEALTH" ] || [ -z "$T_CONSOLE" ]; do
    kill -0 "$APP" 2>/dev/null || { echo "the app exited; see $WORK/$1.log" >&2; tail -20 "$WORK/$1.log" >&2; exit 1; }
    [ "$(since "$START" | cut -d. -f1)" -lt "$TIMEOUT" ] || { echo "$1: not up within $TIMEOUT s (TIMEOUT)" >&2; tail -5 "$WORK/$1.log" >&2; exit 1; }
    if [ -z "$T_HEALTH" ] && curl -s -m 5 "$BASE/health/ready" 2>/dev/null | grep -q '"UP"'; then T_HEALTH=$(since "$START"); fi
    if [ -z "$T_CONSOLE" ] && [ "$(curl -s -m 5 -o /dev/null -w '%{http_code}' "$BASE/login.xhtml" 2>/dev/null)" = 200 ]; then T_CONSOLE=$(since "$START"); fi
    sleep 0.25
  done
}

stop() {
  kill "$APP" 2>/dev/null || true
  local n=0
  while kill -0 "$APP" 2>/dev/null && [ $n -lt 120 ]; do sleep 0.5; n=$((n + 1)); done
  kill -9 "$APP" 2>/dev/null || true
  wait "$APP" 2>/dev/null || true
  APP=""
}

load() { cut -d' ' -f1 /proc/loadavg; }

printf '%-12s %14s %15s %11s %12s %16s %17s %8s\n' variant "fresh:health" "fresh:console" "fresh:CPU" "idle RSS MB" "restart:health" "restart:console" "load"
for variant in $VARIANTS; do
  if curl -s -o /dev/null "$BASE/" 2>/dev/null; then echo "port $PORT is in use; set PORT" >&2; exit 2; fi
  if [ "$variant" = new-cds ] && [ ! -f "$WORK/app.jsa" ]; then
    launch new-cds "$WORK/cds-training" training; START=$(now); await new-cds; stop
    [ -f "$WORK/app.jsa" ] || { echo "new-cds: no archive written; see $WORK/new-cds.log" >&2; exit 1; }
  fi
  data=$(mktemp -d "$WORK/data-$variant.XXXX") # a variant may be listed twice: each run starts fresh
  l0=$(load)
  launch "$variant" "$data"; START=$(now); await "$variant"
  fh=$T_HEALTH fc=$T_CONSOLE fcpu=$(cpu_s "$APP")
  sleep "$IDLE"
  rss=$(rss_mb "$APP")
  stop
  launch "$variant" "$data"; START=$(now); await "$variant"
  rh=$T_HEALTH rc=$T_CONSOLE
  stop
  printf '%-12s %13ss %14ss %10ss %12s %15ss %16ss %8s\n' "$variant" "$fh" "$fc" "$fcpu" "$rss" "$rh" "$rc" "$l0-$(load)"
done

echo
echo "artifact: $(du -m "$WORK/alertwire.jar" | cut -f1) MB (alertwire.jar); payara-micro.jar alone $(du -m "$WORK/payara-micro.jar" | cut -f1) MB"
war=$(unzip -Z1 "$WORK/alertwire.jar" | grep '^MICRO-INF/deploy/.*\.war$' | head -n 1)
unzip -p "$WORK/alertwire.jar" "$war" > "$WORK/new.war"
for w in old new; do
  echo "$w WAR: $(du -k "$WORK/$w.war" | cut -f1) KB; its jars, largest first (KB):"
  unzip -l "$WORK/$w.war" 'WEB-INF/lib/*.jar' | awk '$4 ~ /\.jar$/ { printf "  %6d %s\n", $1 / 1024, substr($4, 13) }' | sort -rn
done
