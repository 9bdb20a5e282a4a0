#!/usr/bin/env bash
# The newcomer's path, as the README tells it, on the jar the build made (./mvnw verify or the README's package
# command): the sample starts on its embedded defaults, serves a request, prints a JSON log line with a trace id,
# shows the `observability` component in /actuator/health, and on SIGTERM stops cleanly with the drain summary
# line ("Observability stopped: ..."), every console line after the banner being JSON. Loopback only, bounded in
# time; the process is always killed at the end.
#
# Usage: bash sample-app/newcomer-path.sh        (from anywhere; exits 0 when every step passed)
set -euo pipefail
cd "$(dirname "$0")"

JAR=target/sample-app-0.1.0-SNAPSHOT.jar
START_TIMEOUT=${START_TIMEOUT:-120}   # seconds; generous for a busy CI machine
STOP_TIMEOUT=${STOP_TIMEOUT:-60}

fail() {
    echo "newcomer path FAILED: $*" >&2
    if [[ -n "${LOG:-}" && -f "$LOG" ]]; then
        echo "---- last lines of the application's output ----" >&2
        tail -n 40 "$LOG" >&2
    fi
    if [[ -n "${ERR:-}" && -s "$ERR" ]]; then
        echo "---- standard error ----" >&2
        tail -n 20 "$ERR" >&2
    fi
    exit 1
}

[[ -f "$JAR" ]] || fail "$JAR is missing: run ./mvnw verify (or the README's package command) first"
command -v curl >/dev/null || fail "curl is needed"

LOG=$(mktemp)
ERR=$(mktemp)
PID=""
cleanup() {
    if [[ -n "$PID" ]] && kill -0 "$PID" 2>/dev/null; then
        kill -KILL "$PID" 2>/dev/null || true
    fi
    rm -f "$LOG" "$ERR"
}
trap cleanup EXIT

# 1. The README's run command (the jar), on a free loopback port chosen by the server.
# The console (standard output) apart from standard error, where the JVM itself may print warnings.
java -jar "$JAR" --server.address=127.0.0.1 --server.port=0 >"$LOG" 2>"$ERR" &
PID=$!

PORT=""
for ((i = 0; i < START_TIMEOUT * 2; i++)); do
    kill -0 "$PID" 2>/dev/null || fail "the application exited during start-up"
    PORT=$(grep -o 'Tomcat started on port [0-9]*' "$LOG" | head -n 1 | grep -o '[0-9]*$' || true)
    [[ -n "$PORT" ]] && break
    sleep 0.5
done
[[ -n "$PORT" ]] || fail "no 'Tomcat started on port' line within ${START_TIMEOUT}s"
BASE="http://127.0.0.1:$PORT"
echo "started on $BASE (pid $PID)"

# 2. A request is served: the README's first "try it" request.
STATUS=$(curl -s -o /dev/null -w '%{http_code}' --max-time 10 -X POST -H 'Content-Type: application/json' \
    -d '{"item": "book", "quantity": 2, "region": "eu"}' "$BASE/orders") || fail "POST /orders did not answer"
[[ "$STATUS" == "201" ]] || fail "POST /orders answered $STATUS, expected 201"
echo "POST /orders -> $STATUS"

# 3. A JSON log line with a trace id (32 hex digits) and a span id, written while handling that request.
TRACED=""
for ((i = 0; i < 20; i++)); do
    TRACED=$(grep -E '^\{.*"trace_id":"[0-9a-f]{32}","span_id":"[0-9a-f]{16}".*\}$' "$LOG" | head -n 1 || true)
    [[ -n "$TRACED" ]] && break
    sleep 0.5
done
[[ -n "$TRACED" ]] || fail "no JSON log line with a trace_id and span_id"
if command -v python3 >/dev/null; then
    python3 -c 'import json, sys; json.loads(sys.argv[1])' "$TRACED" || fail "the traced log line is not valid JSON"
fi
echo "JSON log line with a trace id: $TRACED"

# 4. /actuator/health is UP and shows the observability component.
HEALTH=$(curl -s --max-time 10 -w '\n%{http_code}' "$BASE/actuator/health") || fail "/actuator/health did not answer"
[[ "${HEALTH##*$'\n'}" == "200" ]] || fail "/actuator/health is not UP: $HEALTH"
HEALTH=${HEALTH%$'\n'*}
[[ "$HEALTH" == *'"observability":{'* ]] || fail "/actuator/health has no observability component: $HEALTH"
if command -v python3 >/dev/null; then
    python3 -c 'import json, sys; h = json.loads(sys.argv[1]); assert h["status"] == "UP", h["status"]
assert "observability" in h["components"]' "$HEALTH" || fail "unexpected /actuator/health: $HEALTH"
fi
echo "/actuator/health is UP with the observability component"

# 5. SIGTERM: graceful shutdown, the lanes drain, the summary line is printed, the process exits by itself.
kill -TERM "$PID"
for ((i = 0; i < STOP_TIMEOUT * 2; i++)); do
    kill -0 "$PID" 2>/dev/null || break
    sleep 0.5
done
kill -0 "$PID" 2>/dev/null && fail "still running ${STOP_TIMEOUT}s after SIGTERM"
EXIT=0
wait "$PID" || EXIT=$?
PID=""
# 143 = 128 + SIGTERM: the JVM's normal exit status after a SIGTERM it handled with its shutdown hooks.
[[ "$EXIT" == "0" || "$EXIT" == "143" ]] || fail "exit status $EXIT after SIGTERM"
# The summary is a JSON line's message: keep it up to the closing quote of the field.
SUMMARY=$(grep -o 'Observability stopped:[^"]*' "$LOG" | head -n 1 || true)
[[ -n "$SUMMARY" ]] || fail "no 'Observability stopped:' summary line after SIGTERM"
[[ "$SUMMARY" == *'audit[delivered='* ]] || fail "the summary does not account for the audit adapter: $SUMMARY"
if grep -qE '"level":"ERROR"|^[0-9T:. -]+ERROR ' "$LOG"; then
    fail "an ERROR was logged: $(grep -m1 -E '"level":"ERROR"|ERROR ' "$LOG")"
fi
if command -v python3 >/dev/null; then
    python3 - "$LOG" <<'PY' || fail "a console line after the banner is not JSON"
import json, sys
lines = open(sys.argv[1], encoding="utf-8").read().splitlines()
banner = max((i for i, line in enumerate(lines) if ":: Spring Boot ::" in line), default=-1)
for line in lines[banner + 1:]:
    if line.strip():
        json.loads(line)
PY
fi
echo "stopped cleanly (exit $EXIT): $SUMMARY"
echo "newcomer path OK"
