#!/usr/bin/env bash
# Runs the sample on virtual threads (spring.threads.virtual.enabled=true) under load while Java Flight Recorder
# records every jdk.VirtualThreadPinned event (threshold 0), then fails if any pinned stack has a frame of the
# starter (dev.observability). Needs Java 21 or later (JAVA_HOME, default Java 25 at the path below), wrk and curl,
# and the sample's jar (./mvnw -pl sample-app -am package -DskipTests). On Java 24 and later a virtual thread no
# longer pins on a monitor, so this shows pinning by native frames and class initialisation only; MonitorsTests
# keeps the starter's monitors to in-memory sections on every Java version.
#
# Usage: bash sample-app/virtual-threads-pinning.sh [seconds of load, default 20]
set -euo pipefail
cd "$(dirname "$0")"

JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
JAR=target/sample-app-0.1.0-SNAPSHOT.jar
DURATION=${1:-20}
START_TIMEOUT=${START_TIMEOUT:-120}
WORK=$(mktemp -d)
PID=""

cleanup() {
    [[ -n "$PID" ]] && kill -KILL "$PID" 2>/dev/null || true
    rm -rf "$WORK"
}
trap cleanup EXIT

fail() {
    echo "virtual-thread pinning check FAILED: $*" >&2
    exit 1
}

[[ -f "$JAR" ]] || fail "$JAR is missing: run ./mvnw -pl sample-app -am package -DskipTests first"
[[ "$DURATION" =~ ^[0-9]+$ && "$DURATION" -ge 1 && "$DURATION" -le 600 ]] \
    || fail "seconds of load must be a whole number from 1 to 600, not '$DURATION'"
command -v wrk >/dev/null || fail "wrk is needed"
"$JAVA_HOME/bin/java" -version 2>&1 | grep -qE 'version "(2[1-9]|[3-9][0-9])' \
    || fail "Java 21 or later is needed at JAVA_HOME=$JAVA_HOME"

# Only the one event, every occurrence, with its stack.
cat >"$WORK/pinned.jfc" <<'JFC'
<?xml version="1.0" encoding="UTF-8"?>
<configuration version="2.0">
  <event name="jdk.VirtualThreadPinned">
    <setting name="enabled">true</setting>
    <setting name="stackTrace">true</setting>
    <setting name="threshold">0 ms</setting>
  </event>
</configuration>
JFC
"$JAVA_HOME/bin/java" "-XX:StartFlightRecording=filename=$WORK/pinned.jfr,settings=$WORK/pinned.jfc" \
    -jar "$JAR" --server.address=127.0.0.1 --server.port=0 --spring.threads.virtual.enabled=true >"$WORK/app.out" 2>&1 &
PID=$!
for ((i = 0; i < START_TIMEOUT * 4; i++)); do
    PORT=$(grep -m 1 -o -E 'Tomcat started on port [0-9]+' "$WORK/app.out" | grep -o -E '[0-9]+$' || true)
    [[ -n "$PORT" ]] && break
    kill -0 "$PID" 2>/dev/null || fail "the sample exited: $(tail -n 20 "$WORK/app.out")"
    sleep 0.25
done
[[ -n "${PORT:-}" ]] || fail "the sample did not start within ${START_TIMEOUT}s"
BASE="http://127.0.0.1:$PORT"

# Orders placed, found, refused and failed, and log lines on every request: the starter's request paths.
cat >"$WORK/orders.lua" <<'LUA'
local requests = {}
local i = 0
-- Made in init: before it, wrk.host (the Host header) is not known yet.
init = function(args)
    local json = {["Content-Type"] = "application/json"}
    requests = {
        wrk.format("POST", "/orders", json, '{"item": "book", "quantity": 2, "region": "eu"}'),
        wrk.format("POST", "/orders", json, '{"item": "book", "quantity": 0}'),
        wrk.format("GET", "/orders/no-such-order"),
        wrk.format("POST", "/orders/fail", json, "{}"),
    }
end
request = function()
    i = i + 1
    return requests[(i % #requests) + 1]
end
LUA
# Each request once before the load, one at a time: the classes a request path uses first are loaded then. A virtual
# thread that waits for another thread's loading of a class stays on its carrier (the JVM cannot unmount it there),
# whatever code asked for the class; that pin is the class loader's, not a monitor of the starter's.
for ((round = 0; round < 3; round++)); do
    curl -s -o /dev/null --max-time 10 -X POST -H 'Content-Type: application/json' \
        -d '{"item": "book", "quantity": 2, "region": "eu"}' "$BASE/orders"
    curl -s -o /dev/null --max-time 10 -X POST -H 'Content-Type: application/json' \
        -d '{"item": "book", "quantity": 0}' "$BASE/orders"
    curl -s -o /dev/null --max-time 10 "$BASE/orders/no-such-order"
    curl -s -o /dev/null --max-time 10 -X POST -H 'Content-Type: application/json' -d '{}' "$BASE/orders/fail"
done
wrk -t2 -c32 "-d${DURATION}s" -s "$WORK/orders.lua" "$BASE" | sed -n '1,/Requests\/sec/p'

kill -TERM "$PID"
wait "$PID" || true
PID=""
[[ -s "$WORK/pinned.jfr" ]] || fail "no recording was written"

"$JAVA_HOME/bin/jfr" print --events jdk.VirtualThreadPinned "$WORK/pinned.jfr" >"$WORK/pinned.txt"
"$JAVA_HOME/bin/jfr" summary "$WORK/pinned.jfr" | grep -q 'jdk.VirtualThreadPinned' \
    || fail "the recording does not hold jdk.VirtualThreadPinned: it was not enabled"
EVENTS=$(grep -c '^jdk.VirtualThreadPinned' "$WORK/pinned.txt" || true)
echo "jdk.VirtualThreadPinned events: $EVENTS"
if grep -q 'dev\.observability' "$WORK/pinned.txt"; then
    python3 - "$WORK/pinned.txt" <<'PY' >&2
import sys
events = open(sys.argv[1]).read().split("jdk.VirtualThreadPinned")
for event in events:
    if "dev.observability" in event:
        print("jdk.VirtualThreadPinned" + event)
PY
    fail "a virtual thread was pinned in a frame of the starter (above)"
fi
echo "no pinned virtual thread has a frame of the starter"
