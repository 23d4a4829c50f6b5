#!/usr/bin/env bash
# Delivery benchmarks (issue 7, items 2-4): the shipped WAR on Payara Micro with the default H2 database in a
# fresh data directory, every attempt recorded as in production, delivering to a loopback receiver that
# answers 200 at once (dev.alertwire.bench.load.Receiver, in the driver's JVM). Prints figures; asserts nothing.
#
#   scripts/bench/delivery.sh                      # every scenario at full size (what docs/benchmarks.md reports)
#   DURATION=5 WARMUP=2 STORM=500 FANOUT=100 scripts/bench/delivery.sh   # smoke run, about two minutes
#   SCENARIOS=rate,max scripts/bench/delivery.sh   # some of: rate, max (with the receiver's ceiling), fanout, storm
#
# Knobs (environment): DURATION (s per fixed rate, 60), RATES (alerts/s, 50,200,1000), WARMUP (s at 200/s, 10),
# MAX_DURATION (s, = DURATION), MAX_CHANNELS (catch-all channels per max run, 1,10), POSTERS (closed-loop
# posters, 16), CEILING_CONNECTIONS (8,64), FANOUT (channels, 1000), STORM (deliveries, 10000),
# RETRY_DELAY_MS (storm channel, 20000 = the product default), HEAP (app -Xmx, 1g),
# JFR=1 (record the app with JFR during the highest fixed rate and each max run; summarise with jfr-top.py),
# APP_OPTS (more JVM options for the app, e.g. -Dalertwire.delivery.max-concurrency=128),
# PAYARA_ARGS (more Payara Micro options), LINGER (s to keep the app idle after the last scenario, printing its
# resident set, its CPU and the data directory's size every 10 s: does it give memory and disk back?), SKIP_BUILD=1 (use the jars already built), APP_WAR (another build of
# the WAR, e.g. an earlier commit's, to compare), APP_JAR (run this runnable artifact, java -jar alertwire.jar as
# the README does, instead of the WAR on payara-micro.jar: its launcher's memory defaults then apply too).
set -euo pipefail
cd "$(dirname "$0")/../.."
. scripts/lib/payara-options.sh
PORT=${PORT:-8391}
RECEIVER_PORT=${RECEIVER_PORT:-9190}
STORM_PORT=${STORM_PORT:-9191}
TOKEN=${TOKEN:-aw_bench_$(od -An -N12 -tx1 /dev/urandom | tr -d ' \n')}
OUT=${OUT:-$PWD/benchmarks/target/delivery}
HEAP=${HEAP:-1g}
mkdir -p "$OUT"

if [ "${SKIP_BUILD:-}" != 1 ]; then
  mvn -B -q -DskipTests -Pbench package
fi
CP="benchmarks/target/classes:$(cat benchmarks/target/classpath.txt)"

WORK=$(mktemp -d /tmp/alertwire-bench.XXXXXX)
cp web-ui/target/payara-micro.jar "$WORK/" && cp "${APP_WAR:-web-ui/target/alertwire.war}" "$WORK/alertwire.war"
# Deep JFR stacks: Payara's are deep, and the Alertwire frames would be cut at the default 64.
if [ -n "${APP_JAR:-}" ]; then
  cp "$APP_JAR" "$WORK/app.jar"
  APP_MAIN=(-jar "$WORK/app.jar" ${PAYARA_ARGS:-}) # the launcher passes --port; the jar holds the other options
else
  APP_MAIN=(-jar "$WORK/payara-micro.jar" $PAYARA_OPTIONS --port $PORT --contextroot / --deploy "$WORK/alertwire.war" ${PAYARA_ARGS:-})
fi
java -Xmx$HEAP -XX:FlightRecorderOptions:stackdepth=256 ${APP_OPTS:-} \
  -Dalertwire.data.dir="$WORK/data" -Dalertwire.port=$PORT -Dalertwire.api.token="$TOKEN" "${APP_MAIN[@]}" \
  > "$OUT/payara.log" 2>&1 &
APP=$!
trap 'kill $APP 2>/dev/null || true; wait $APP 2>/dev/null || true; rm -rf "$WORK"' EXIT
for _ in $(seq 1 180); do
  curl -sf "http://127.0.0.1:$PORT/health" >/dev/null && break
  kill -0 $APP 2>/dev/null || { echo "Payara Micro exited; see $OUT/payara.log"; exit 1; }
  sleep 1
done
curl -sf "http://127.0.0.1:$PORT/health" >/dev/null || { echo "not healthy after 180 s; see $OUT/payara.log"; exit 1; }
echo "app up (pid $APP, port $PORT, -Xmx$HEAP, data $WORK/data); $(date -u +%FT%TZ); load average $(cut -d' ' -f1-3 /proc/loadavg)"

RATES=${RATES:-50,200,1000}
JFR_ARGS=()
if [ "${JFR:-}" = 1 ]; then JFR_ARGS=(jfrAtRate="${RATES##*,}" jfrMax=1); fi
java -Xmx1g -cp "$CP" dev.alertwire.bench.load.DeliveryBench \
  app="http://127.0.0.1:$PORT" token="$TOKEN" appPid=$APP dataDir="$WORK/data" out="$OUT" \
  receiverPort=$RECEIVER_PORT stormPort=$STORM_PORT \
  scenarios="${SCENARIOS:-rate,max,fanout,storm}" duration="${DURATION:-60}" warmup="${WARMUP:-10}" rates="$RATES" \
  maxDuration="${MAX_DURATION:-${DURATION:-60}}" maxChannels="${MAX_CHANNELS:-1,10}" posters="${POSTERS:-16}" \
  ceilingConnections="${CEILING_CONNECTIONS:-8,64}" ceilingDuration="${CEILING_DURATION:-10}" \
  fanout="${FANOUT:-1000}" storm="${STORM:-10000}" retryDelayMs="${RETRY_DELAY_MS:-20000}" "${JFR_ARGS[@]}"
echo "done $(date -u +%FT%TZ); app RSS $(awk '/VmRSS/ {printf "%.0f MB", $2/1024}' /proc/$APP/status); load average $(cut -d' ' -f1-3 /proc/loadavg)"
cpu_ticks() { awk '{print $14 + $15}' /proc/$APP/stat; }
for ((t = 10; t <= ${LINGER:-0}; t += 10)); do
  before=$(cpu_ticks)
  sleep 10
  echo "idle ${t} s after the last scenario: app RSS $(awk '/VmRSS/ {printf "%.0f MB", $2/1024}' /proc/$APP/status); app CPU $(( ($(cpu_ticks) - before) * 100 / $(getconf CLK_TCK) / 10 ))% of one core over 10 s; data directory $(du -sm "$WORK/data" | cut -f1) MiB"
done
