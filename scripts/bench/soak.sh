#!/usr/bin/env bash
# Memory over a long run (issue 15): the app with the production JVM options of the README (-Xmx512m -Xms64m
# -XX:+UseSerialGC -Xss512k, MALLOC_ARENA_MAX=2) takes alerts at a fixed rate for a long time, one catch-all
# channel delivering to a loopback receiver, and its resident set is printed every minute. Prints figures; asserts nothing.
#
#   scripts/bench/soak.sh                          # 30 minutes at 50 alerts/s
#   RATE=200 MINUTES=30 scripts/bench/soak.sh      # the issue's rate
#
# Knobs: RATE (alerts/s, 50), MINUTES (30), HEAP (512m), APP_OPTS (-Xms64m -XX:+UseSerialGC -Xss512k),
# MALLOC_ARENA_MAX (2), SKIP_BUILD=1, APP_WAR, APP_JAR (run an artifact with its launcher, as the README does).
# NMT=1 starts the app with -XX:NativeMemoryTracking=summary and prints, each minute, what the JVM has
# committed by category (heap, class metadata, code, threads, other, the rest: symbols, GC, NMT itself), so
# growth in the resident set can be told apart: the heap's own sizing, or memory outside it.
# It runs scripts/bench/delivery.sh's fixed-rate scenario, so the app, the receiver and the figures at the
# end are that script's.
set -euo pipefail
cd "$(dirname "$0")/../.."
RATE=${RATE:-50}
MINUTES=${MINUTES:-30}
HEAP=${HEAP:-512m}
APP_OPTS=${APP_OPTS:--Xms64m -XX:+UseSerialGC -Xss512k}
export MALLOC_ARENA_MAX=${MALLOC_ARENA_MAX:-2}
[ "${NMT:-}" = 1 ] && APP_OPTS="$APP_OPTS -XX:NativeMemoryTracking=summary"
OUT=${OUT:-$PWD/benchmarks/target/soak}
mkdir -p "$OUT"
LOG="$OUT/delivery.log"
: > "$LOG"
HEAP=$HEAP APP_OPTS=$APP_OPTS SCENARIOS=rate RATES=$RATE DURATION=$((MINUTES * 60)) WARMUP=0 \
  OUT="$OUT" scripts/bench/delivery.sh > "$LOG" 2>&1 &
RUN=$!
pid=""
for _ in $(seq 1 300); do
  pid=$(sed -n 's/^app up (pid \([0-9]*\),.*/\1/p' "$LOG")
  [ -n "$pid" ] && break
  kill -0 $RUN 2>/dev/null || { cat "$LOG"; exit 1; }
  sleep 1
done
[ -n "$pid" ] || { echo "the app did not come up; see $LOG"; kill $RUN; exit 1; }
echo "app pid $pid, ${RATE} alerts/s for $MINUTES min, -Xmx$HEAP $APP_OPTS, MALLOC_ARENA_MAX=$MALLOC_ARENA_MAX; $(date -u +%FT%TZ)"
# nmt: "heap meta code threads other rest" committed MB from jcmd VM.native_memory, or nothing without NMT=1.
nmt() {
  [ "${NMT:-}" = 1 ] || return 0
  jcmd "$pid" VM.native_memory summary scale=MB 2>/dev/null | awk '
    /^Total:/ { match($0, /committed=[0-9]+/); total = substr($0, RSTART + 10, RLENGTH - 10) }
    /^-/ { name = $2; match($0, /committed=[0-9]+/); c[name] = substr($0, RSTART + 10, RLENGTH - 10) + 0 }
    END { meta = c["Class"] + c["Metaspace"] # Java 17 lists the class space and the rest of metaspace apart
          known = c["Java"] + meta + c["Code"] + c["Thread"] + c["Other"]
          printf "%5d %5d %4d %4d %5d %5d ", c["Java"], meta, c["Code"], c["Thread"], c["Other"], total - known }'
}
nmt_header=""
[ "${NMT:-}" = 1 ] && nmt_header=$(printf '%5s %5s %4s %4s %5s %5s ' heap meta code thr other rest)
printf '%8s %10s %10s %s%s\n' minute "RSS MB" "heap used" "$nmt_header" "load average"
minute=0
while kill -0 $RUN 2>/dev/null; do
  rss=$(awk '/VmRSS/ {printf "%.0f", $2/1024}' /proc/$pid/status 2>/dev/null || echo -)
  heap=$(jcmd $pid GC.heap_info 2>/dev/null | sed -n 's/.*total [0-9]*K, used \([0-9]*\)K.*/\1/p' | awk '{s+=$1} END {if (NR) printf "%.0f MB", s/1024; else print "-"}')
  printf '%8d %10s %10s %s%s\n' $minute "$rss" "$heap" "$(nmt)" "$(cut -d' ' -f1-3 /proc/loadavg)"
  [ "$rss" = - ] && break
  sleep 60
  minute=$((minute + 1))
done
wait $RUN || true
grep -E '^rate|post ->|POST /api|^done' "$LOG" || tail -20 "$LOG"
