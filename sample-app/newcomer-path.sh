#!/usr/bin/env bash
# The newcomer's path, as the README tells it, on the jar the build made (./mvnw verify or the README's package
# command). The packaged jar is started once for each way the README runs it, each on a free loopback port:
#   - no profile (embedded defaults): serves an order, prints a JSON log line with the request's trace id, shows the
#     observability component in /actuator/health, and every console line after the banner is JSON;
#   - minimal, prometheus, otel and all, with the OTLP endpoints pointed at the project's OTLP test receiver
#     (OtlpTestCollector, which decodes with the official OpenTelemetry protocol classes): otel and all deliver
#     traces, metrics and logs there (the order's log record and its span with one trace id, the orders.placed
#     metric), minimal and prometheus send it nothing; prometheus and all serve the order's series at
#     /actuator/prometheus; each profile switches on the adapters it names and no other;
#   - otel against a closed port (no collector): it starts, serves, reports the failed exports in the adapters' health
#     while /actuator/health stays UP;
#   - text: Boot's plain text console instead of JSON lines.
# Every run ends with SIGTERM: the process stops by itself with the drain summary line ("Observability stopped: ...")
# and logged no ERROR. Every wait is bounded; every process started here is killed when the script ends.
#
# With --aot, on the jar built with Spring's ahead-of-time processing (./mvnw -Paot -pl sample-app -am package
# -DskipTests), the defaults' run only, started with -Dspring.aot.enabled=true: the processing fixed the conditions for
# the defaults at build time, so the profiles are not run. It also checks that the AOT-processed context started, the
# adapters the defaults switch on, and that the Prometheus adapter received the order.
#
# Usage: bash sample-app/newcomer-path.sh [--aot] (from anywhere; exits 0 when every step passed)
set -euo pipefail
cd "$(dirname "$0")"

AOT=false
JVM_ARGS=()
case "${1:-}" in
    "") ;;
    --aot) AOT=true; JVM_ARGS=(-Dspring.aot.enabled=true) ;;
    *) echo "usage: $0 [--aot]" >&2; exit 2 ;;
esac

JAR=target/sample-app-0.1.0-SNAPSHOT.jar
START_TIMEOUT=${START_TIMEOUT:-120}       # seconds; generous for a busy CI machine
STOP_TIMEOUT=${STOP_TIMEOUT:-60}
ARRIVAL_TIMEOUT=${ARRIVAL_TIMEOUT:-60}    # for telemetry to reach the collector, or an export to fail

WORK=$(mktemp -d)
CHILDREN=()
LOG=""
ERR=""
PID=""
BASE=""

cleanup() {
    local child
    for child in "${CHILDREN[@]}"; do
        kill -KILL "$child" 2>/dev/null || true
    done
    rm -rf "$WORK"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

fail() {
    echo "newcomer path FAILED: $*" >&2
    if [[ -n "$LOG" && -f "$LOG" ]]; then
        echo "---- last lines of the application's output ----" >&2
        tail -n 40 "$LOG" >&2
    fi
    if [[ -n "$ERR" && -s "$ERR" ]]; then
        echo "---- standard error ----" >&2
        tail -n 20 "$ERR" >&2
    fi
    exit 1
}

[[ -f "$JAR" ]] || fail "$JAR is missing: run ./mvnw verify (or the README's package command) first"
$AOT || [[ -f target/test-classpath.txt && -d target/test-classes ]] \
    || fail "the sample's test classes are missing: build without -Dmaven.test.skip (-DskipTests is fine)"
command -v curl >/dev/null || fail "curl is needed"
command -v python3 >/dev/null || fail "python3 is needed"

# Waits until a file has a line matching a pattern, while a process lives; prints the first match.
await_line() {
    local file=$1 pattern=$2 pid=$3 timeout=$4 what=$5 found i
    for ((i = 0; i < timeout * 4; i++)); do
        found=$(grep -m 1 -o -E "$pattern" "$file" 2>/dev/null || true)
        if [[ -n "$found" ]]; then
            echo "$found"
            return 0
        fi
        kill -0 "$pid" 2>/dev/null || fail "$what: the process exited"
        sleep 0.25
    done
    fail "$what: nothing within ${timeout}s"
}

# Starts the packaged jar with the given arguments on a free loopback port chosen by the server; sets PID and BASE.
start_sample() {
    local name=$1 port
    shift
    LOG="$WORK/$name.out"
    ERR="$WORK/$name.err"
    # The console (standard output) apart from standard error, where the JVM itself may print warnings.
    java "${JVM_ARGS[@]}" -jar "$JAR" --server.address=127.0.0.1 --server.port=0 "$@" >"$LOG" 2>"$ERR" &
    PID=$!
    CHILDREN+=("$PID")
    port=$(await_line "$LOG" 'Tomcat started on port [0-9]+' "$PID" "$START_TIMEOUT" "$name: start-up")
    BASE="http://127.0.0.1:${port##* }"
    echo "[$name] started on $BASE (pid $PID)"
}

# Places the README's order; prints its id.
place_order() {
    local answer status
    answer=$(curl -s --max-time 10 -w '\n%{http_code}' -X POST -H 'Content-Type: application/json' \
        -d '{"item": "book", "quantity": 2, "region": "eu"}' "$BASE/orders") || fail "POST /orders did not answer"
    status=${answer##*$'\n'}
    [[ "$status" == "201" ]] || fail "POST /orders answered $status, expected 201: ${answer%$'\n'*}"
    python3 -c 'import json, sys; print(json.loads(sys.argv[1])["id"])' "${answer%$'\n'*}"
}

# Reads a JSON document from the running sample; fails unless it answers 200.
get_json() {
    local answer
    answer=$(curl -s --max-time 10 -w '\n%{http_code}' "$BASE$1") || fail "GET $1 did not answer"
    [[ "${answer##*$'\n'}" == "200" ]] || fail "GET $1 answered ${answer##*$'\n'}: ${answer%$'\n'*}"
    echo "${answer%$'\n'*}"
}

# Checks /actuator/health: 200, UP, with the observability component.
check_health() {
    python3 -c 'import json, sys
h = json.loads(sys.argv[1])
assert h["status"] == "UP", h["status"]
assert "observability" in h["components"], "no observability component"' "$(get_json /actuator/health)" \
        || fail "unexpected /actuator/health"
}

# Checks that exactly the named adapters are switched on (the others the profile registers are DISABLED).
check_adapters_on() {
    python3 -c 'import json, sys
adapters = json.loads(sys.argv[1])["adapters"]
on = sorted(name for name, adapter in adapters.items() if adapter["effectiveEnabled"])
expected = sorted(sys.argv[2].split())
assert on == expected, f"adapters switched on: {on}, expected {expected}"' \
        "$(get_json /actuator/observability)" "$*" || fail "the profile switches on other adapters"
    echo "  adapters switched on: ${*:-none}"
}

# Checks that the Prometheus scrape carries the order's series.
check_prometheus_scrape() {
    local scrape
    scrape=$(get_json /actuator/prometheus)
    grep -q '^orders_placed_total{.*region="eu"' <<<"$scrape" \
        || fail "/actuator/prometheus has no orders_placed_total{region=\"eu\"}"
    echo "  /actuator/prometheus serves orders_placed_total{region=\"eu\"}"
}

# SIGTERM: graceful shutdown, the lanes drain, the summary line is printed, the process exits by itself, no ERROR
# except from the logger named second, if any (the OpenTelemetry SDK's own throttled export failures, which an
# application without the starter prints the same).
stop_sample() {
    local name=$1 allowed=${2:-} exit=0 summary i errors
    kill -TERM "$PID"
    for ((i = 0; i < STOP_TIMEOUT * 4; i++)); do
        kill -0 "$PID" 2>/dev/null || break
        sleep 0.25
    done
    kill -0 "$PID" 2>/dev/null && fail "$name: still running ${STOP_TIMEOUT}s after SIGTERM"
    wait "$PID" || exit=$?
    # 143 = 128 + SIGTERM: the JVM's normal exit status after a SIGTERM it handled with its shutdown hooks.
    [[ "$exit" == "0" || "$exit" == "143" ]] || fail "$name: exit status $exit after SIGTERM"
    # In a JSON line the summary is the message: keep it up to the closing quote of the field.
    summary=$(grep -m 1 -o 'Observability stopped:[^"]*' "$LOG" || true)
    [[ -n "$summary" ]] || fail "$name: no 'Observability stopped:' summary line after SIGTERM"
    errors=$(grep -E '"level":"ERROR"|^[0-9][0-9T:.+Z-]* +ERROR ' "$LOG" || true)
    if [[ -n "$allowed" ]]; then
        errors=$(grep -vF "\"logger\":\"$allowed\"" <<<"$errors" || true)
    fi
    [[ -z "$errors" ]] || fail "$name: an ERROR was logged: $(head -n 1 <<<"$errors")"
    echo "[$name] stopped cleanly (exit $exit): $summary"
    SUMMARY=$summary
}

# Checks that every console line after the banner (if Boot prints one) is JSON.
check_json_console() {
    python3 - "$LOG" <<'PY' || fail "a console line after the banner is not JSON"
import json, sys
lines = open(sys.argv[1], encoding="utf-8").read().splitlines()
banner = max((i for i, line in enumerate(lines) if ":: Spring Boot ::" in line), default=-1)
for line in lines[banner + 1:]:
    if line.strip():
        json.loads(line)
PY
}

# --- 1. The README's run command on its embedded defaults -------------------------------------------------------
start_sample defaults
ORDER=$(place_order)
echo "  POST /orders -> 201 (order $ORDER)"
# A JSON log line with a trace id (32 hex digits) and a span id, written while handling that request.
TRACED_LINE="^\{.*\"message\":\"Order $ORDER placed[^\"]*\","
TRACED_LINE+="\"trace_id\":\"[0-9a-f]{32}\",\"span_id\":\"[0-9a-f]{16}\".*\}$"
TRACED=$(await_line "$LOG" "$TRACED_LINE" "$PID" 10 "a JSON log line with the order's trace_id and span_id")
python3 -c 'import json, sys; json.loads(sys.argv[1])' "$TRACED" || fail "the traced log line is not valid JSON"
echo "  JSON log line with a trace id: $TRACED"
check_health
echo "  /actuator/health is UP with the observability component"
if $AOT; then
    grep -q 'Starting AOT-processed SampleApplication' "$LOG" || fail "the context did not start AOT-processed"
    echo "  the context started AOT-processed"
    check_adapters_on audit prometheus opentelemetry-traces opentelemetry-logs
    check_prometheus_scrape
fi
stop_sample defaults
[[ "$SUMMARY" == *'audit[delivered='* ]] || fail "the summary does not account for the audit adapter: $SUMMARY"
check_json_console
if $AOT; then
    echo "newcomer path (AOT) OK"
    exit 0
fi

# --- 2. The profiles, against the project's OTLP test receiver ----------------------------------------------------
COLLECTED="$WORK/collector.out"
java -cp "target/test-classes:$(cat target/test-classpath.txt)" dev.observability.sample.OtlpTestCollector \
    >"$COLLECTED" 2>"$WORK/collector.err" &
COLLECTOR=$!
CHILDREN+=("$COLLECTOR")
COLLECTOR_PORT=$(await_line "$COLLECTED" '^listening on [0-9]+' "$COLLECTOR" 30 "the OTLP test collector")
OTLP="http://127.0.0.1:${COLLECTOR_PORT##* }"
echo "OTLP test collector on $OTLP (pid $COLLECTOR)"

# The profiles' own OTLP keys, pointed at a collector, with short export intervals so the run stays short.
otlp_to() {
    echo "--management.opentelemetry.tracing.export.otlp.endpoint=$1/v1/traces" \
        "--management.opentelemetry.logging.export.otlp.endpoint=$1/v1/logs" \
        "--management.otlp.metrics.export.url=$1/v1/metrics" \
        "--management.otlp.metrics.export.step=2s" \
        "--management.opentelemetry.tracing.export.schedule-delay=200ms" \
        "--management.opentelemetry.logging.export.schedule-delay=200ms"
}

# The collector's lines for one run: each run names its service after its profile.
collected() {
    grep -E "^(span|log) [0-9a-f-]+ [0-9a-f-]+ newcomer-$1 |^metrics newcomer-$1 " "$COLLECTED" || true
}

check_signals_arrive() {
    local profile=$1 order=$2 record trace
    record=$(await_line "$COLLECTED" "^log [0-9a-f]{32} [0-9a-f]{16} newcomer-$profile INFO Order $order placed" \
        "$COLLECTOR" "$ARRIVAL_TIMEOUT" "$profile: the order's log record at the collector")
    trace=$(cut -d ' ' -f 2 <<<"$record")
    await_line "$COLLECTED" "^span $trace [0-9a-f]{16} newcomer-$profile orders.place$" "$COLLECTOR" \
        "$ARRIVAL_TIMEOUT" "$profile: the orders.place span with the log record's trace id" >/dev/null
    await_line "$COLLECTED" "^metrics newcomer-$profile ([^ ]*,)?orders\.placed(,|$)" "$COLLECTOR" \
        "$ARRIVAL_TIMEOUT" "$profile: the orders.placed metric at the collector" >/dev/null
    echo "  the collector decoded the order's log record and its span (trace $trace) and orders.placed"
}

for PROFILE in minimal prometheus otel all; do
    # shellcheck disable=SC2046 # one argument per word
    start_sample "$PROFILE" --spring.profiles.active="$PROFILE" --spring.application.name="newcomer-$PROFILE" \
        $(otlp_to "$OTLP")
    ORDER=$(place_order)
    echo "  POST /orders -> 201 (order $ORDER)"
    check_health
    case "$PROFILE" in
        minimal)    check_adapters_on ;;
        prometheus) check_adapters_on prometheus; check_prometheus_scrape ;;
        otel)       check_adapters_on opentelemetry-traces opentelemetry-metrics opentelemetry-logs
                    check_signals_arrive otel "$ORDER" ;;
        all)        check_adapters_on audit prometheus opentelemetry-traces opentelemetry-metrics opentelemetry-logs
                    check_prometheus_scrape
                    check_signals_arrive all "$ORDER" ;;
    esac
    stop_sample "$PROFILE"
    check_json_console
    if [[ "$PROFILE" == minimal || "$PROFILE" == prometheus ]]; then
        # Stopped, so its exporters have flushed: whatever it sent has arrived.
        SENT=$(collected "$PROFILE")
        [[ -z "$SENT" ]] || fail "$PROFILE sent telemetry to the collector: $(head -n 3 <<<"$SENT")"
        echo "  nothing reached the collector"
    fi
done
kill -TERM "$COLLECTOR" 2>/dev/null || true

# --- 3. otel with no collector listening --------------------------------------------------------------------------
CLOSED=$(python3 -c 'import socket
s = socket.socket()
s.bind(("127.0.0.1", 0))
print(s.getsockname()[1])
s.close()')
# shellcheck disable=SC2046 # one argument per word
start_sample otel-no-collector --spring.profiles.active=otel $(otlp_to "http://127.0.0.1:$CLOSED")
ORDER=$(place_order)
echo "  POST /orders -> 201 (order $ORDER) with nothing listening on port $CLOSED"
# An export has failed and shows in the adapter's health, and the application's health is still UP.
for ((i = 0; i < ARRIVAL_TIMEOUT * 2; i++)); do
    if python3 -c 'import json, sys
h = json.loads(sys.argv[1])
adapters = h["components"]["observability"]["components"]
sys.exit(0 if any(adapters.get(name, {}).get("status") == "BACKEND_DOWN"
    for name in ("opentelemetry-traces", "opentelemetry-metrics", "opentelemetry-logs")) else 1)' \
        "$(get_json /actuator/health)"; then
        break
    fi
    sleep 0.5
done
((i < ARRIVAL_TIMEOUT * 2)) || fail "no OpenTelemetry adapter reported BACKEND_DOWN within ${ARRIVAL_TIMEOUT}s"
check_health
ORDER=$(place_order)
echo "  the failed exports show as BACKEND_DOWN, /actuator/health stays UP, and orders are still served"
stop_sample otel-no-collector io.opentelemetry.exporter.internal.http.HttpExporter

# --- 4. text: Boot's plain text console ---------------------------------------------------------------------------
start_sample text --spring.profiles.active=text
ORDER=$(place_order)
await_line "$LOG" "^[0-9]{4}-[0-9]{2}-[0-9]{2}T[^ ]+ +INFO .*Order $ORDER placed" "$PID" 10 \
    "a plain text log line for the order" >/dev/null
check_health
stop_sample text
grep -q '^{' "$LOG" && fail "text: a console line is JSON: $(grep -m 1 '^{' "$LOG")"
echo "  every console line is plain text"

echo "newcomer path OK"
