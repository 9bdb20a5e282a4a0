#!/usr/bin/env bash
# The end-to-end benchmark: each application of benchmarks/e2e-apps under wrk, with and without the starter, in A/B
# rounds alternated in one run. Every measurement is a fresh JVM on a free loopback port, warmed up under the same load,
# then measured with `wrk -t1 -c8 -d<N>s --latency`; the summary gives medians over the rounds and ratios against each
# variant's baseline (the application without the starter, unless --baselines names another): of the medians, and
# (paired) the median of each round's own ratio with a sign-test interval for it. docs/benchmarks.md ("End to end")
# says what each application and variant is.
#
# Usage: bash benchmarks/e2e/run.sh [options]
#   --short             CI's form: 1 round, 1 s warm-up, 2 s measured per variant (checks it runs; numbers not judged)
#   --rounds N          rounds (default 4)
#   --warmup S|auto     warm-up per measurement: S seconds, or (the default) auto: under the same load in 10 s steps
#                       until the JIT compilers used under 2 % of the JVM's CPU time in two steps in a row (the JIT
#                       has compiled the request path: before that the throughput is the warm-up's, a third of the
#                       steady state's on pages), at most --warmup-max seconds
#   --warmup-max S      longest automatic warm-up (default 300)
#   --duration S        measured seconds per measurement (default 20)
#   --apps "A B"        applications (default "orders pages")
#   --variants "V ..."  variants in the order the first round runs them, each next round rotated by one place
#                       (default "none defaults custom hanging"):
#                         none      the application's jar without the starter's jars
#                         defaults  with the starter on its defaults
#                         custom    with the starter and one custom ASYNC adapter receiving metrics and logs
#                         hanging   with the starter and one custom adapter whose calls never return
#                         off       the starter's jars on the class path, the starter switched off
#                                   (observability.enabled=false): what its jars alone cost
#                         text      the starter on its defaults but Boot's plain text console
#                                   (observability.json-logging.enabled=false)
#                         otel      without the starter, with Boot's OpenTelemetry exporting traces (sampling 1.0),
#                                   metrics and logs (OpenTelemetry's own Logback appender) over OTLP/HTTP to a
#                                   receiver on loopback that counts and discards (OtlpSink.java, started by this script)
#                         otel-starter  the same with the starter on its defaults: its OpenTelemetry adapters active,
#                                   OTLP logs through its Logback bridge instead of the appender
#                         otel-s01, otel-starter-s01  the same two at Boot's default sampling probability, 0.1
#                       a starter variant followed by @<commit> (e.g. defaults@<commit>) uses the starter built from that
#                       commit of this repository (installed into a private local repository under the work folder)
#   --switch N          in every `custom` JVM, after its warm-up, also measure N pairs of windows with the custom
#                       adapter switched on and off at runtime (the `observability` endpoint; 5 s of load after each
#                       switch, not measured): what its lane and the bridges feeding it cost, free of the spread between
#                       JVMs (the starter's jars and Micrometer's composite registry stay in both windows)
#   --baselines "V=B ..."  the variant each variant's ratios are against, where it is not `none` (default
#                       "otel-starter=otel otel-starter-s01=otel-s01"); a baseline not in --variants falls back to none
#   --jfr               record each measured window's Java execution and allocation samples with Java Flight Recorder
#                       (benchmarks/e2e/e2e.jfc) into benchmarks/e2e/target/jfr/<app>-<variant>-<round>.jfr; JFR is
#                       started with the JVM, so the warm-up, not the window, pays its start. The starter's share of
#                       both, by frame and thread: java benchmarks/e2e/JfrShare.java benchmarks/e2e/target/jfr/*.jfr
#   --no-build          use the jars the last build left in benchmarks/e2e-apps/*/target (after ./mvnw verify or package)
#                       and, for @<commit> variants, those of the previous run
# Environment: JAVA_OPTS (added to every application's JVM; none by default), START_TIMEOUT (seconds, default 300).
# Output: a Markdown summary on stdout; every wrk output, application log, results.tsv and (otel variants) otlp.tsv, what
# the receiver got from each JVM, under benchmarks/e2e/target. A run fails if an otel JVM exported no traces, metrics
# or logs, or an otel-starter JVM's OpenTelemetry adapters delivered nothing.
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$PWD
WORK=$ROOT/benchmarks/e2e/target
SCRIPTS=$ROOT/benchmarks/e2e

ROUNDS=4 WARMUP=auto WARMUP_MAX=300 DURATION=20 APPS="orders pages" VARIANTS="none defaults custom hanging" BUILD=1 SWITCH=0 SETTLE=5
BASELINES="otel-starter=otel otel-starter-s01=otel-s01" JFR=0
START_TIMEOUT=${START_TIMEOUT:-300}
JAVA_OPTS=${JAVA_OPTS:-}
while [[ $# -gt 0 ]]; do
    case $1 in
        --short) ROUNDS=1 WARMUP=1 DURATION=2 SETTLE=1 ;;
        --rounds) ROUNDS=$2; shift ;;
        --warmup) WARMUP=$2; shift ;;
        --warmup-max) WARMUP_MAX=$2; shift ;;
        --duration) DURATION=$2; shift ;;
        --apps) APPS=$2; shift ;;
        --variants) VARIANTS=$2; shift ;;
        --switch) SWITCH=$2; shift ;;
        --baselines) BASELINES=$2; shift ;;
        --jfr) JFR=1 ;;
        --no-build) BUILD=0 ;;
        -h | --help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
        *) echo "unknown option: $1 (see --help)" >&2; exit 2 ;;
    esac
    shift
done

fail() {
    echo "e2e benchmark FAILED: $*" >&2
    exit 1
}
command -v wrk >/dev/null || fail "wrk is needed (Debian: apt-get install wrk)"
command -v curl >/dev/null || fail "curl is needed"
for pair in $BASELINES; do
    [[ $pair == ?*=?* ]] || fail "--baselines takes pairs variant=baseline, not \"$pair\""
done
JCMD=$(dirname "$(readlink -f "$(command -v java)")")/jcmd
((JFR == 0)) || [[ -x $JCMD ]] || fail "--jfr needs jcmd beside java ($JCMD)"
mkdir -p "$WORK/jars" "$WORK/runs"
((JFR == 0)) || { rm -rf "$WORK/jfr"; mkdir -p "$WORK/jfr"; }

load1() { cut -d' ' -f1 /proc/loadavg; }

MVN=(./mvnw -q -B -ntp)
app_modules() {
    local modules=() app
    for app in $APPS; do modules+=("benchmarks/e2e-apps/$app"); done
    (IFS=,; echo "${modules[*]}")
}

# Copies the jars just built to jars/<app>-none.jar, jars/<app>-otel.jar, jars/<app>-starter<suffix>.jar and
# jars/<app>-otel-starter<suffix>.jar.
collect_jars() {
    local suffix=$1 app flavour
    for app in $APPS; do
        local built=benchmarks/e2e-apps/$app/target/e2e-$app-0.1.0-SNAPSHOT
        for flavour in with-starter without-starter otel otel-starter; do
            [[ -f $built-$flavour.jar ]] || fail "$built-$flavour.jar is missing: build the applications (without --no-build)"
        done
        # the jars without OpenTelemetry stay the applications they were (the names are stored plainly in a jar)
        for flavour in with-starter without-starter; do
            ! grep -aqE 'BOOT-INF/lib/(opentelemetry|micrometer-tracing)' "$built-$flavour.jar" \
                || fail "$built-$flavour.jar holds OpenTelemetry's jars: the excludes of benchmarks/e2e-apps/pom.xml miss one"
        done
        cp "$built-with-starter.jar" "$WORK/jars/$app-starter$suffix.jar"
        cp "$built-otel-starter.jar" "$WORK/jars/$app-otel-starter$suffix.jar"
        cp "$built-without-starter.jar" "$WORK/jars/$app-none.jar"
        cp "$built-otel.jar" "$WORK/jars/$app-otel.jar"
    done
}

# The applications built against the starter of an earlier commit: that commit's starter is installed into a private
# local repository (falling back to ~/.m2 for everything else), then the applications of this tree are packaged against it.
build_at_commit() {
    local commit=$1 src=$WORK/src-$1 repo=$WORK/repo-$1
    local local_repo=(-Dmaven.repo.local="$repo" -Dmaven.repo.local.tail="$HOME/.m2/repository")
    echo "building the starter at $commit into $repo" >&2
    rm -rf "$src" && mkdir -p "$src"
    git archive "$commit" | tar -x -C "$src"
    (cd "$src" && "${MVN[@]}" "${local_repo[@]}" -pl observability-spring-boot-starter -am install -DskipTests)
    "${MVN[@]}" "${local_repo[@]}" -pl "$(app_modules)" package -DskipTests
    collect_jars "@$commit"
}

if [[ $BUILD == 1 ]]; then
    for commit in $(printf '%s\n' $VARIANTS | grep -o '@.*' | tr -d @ | sort -u); do
        build_at_commit "$commit"
    done
    echo "building the applications" >&2
    "${MVN[@]}" -pl "$(app_modules)" -am package -DskipTests
fi
collect_jars ""

PID=""
stop_app() {
    [[ -n "$PID" ]] || return 0
    kill -TERM "$PID" 2>/dev/null || true
    for ((i = 0; i < 120; i++)); do
        kill -0 "$PID" 2>/dev/null || break
        sleep 0.5
    done
    kill -KILL "$PID" 2>/dev/null || true
    wait "$PID" 2>/dev/null || true
    PID=""
}

# The OTLP receiver of the otel variants (OtlpSink.java), one for the whole run, on a free loopback port.
SINK_PID="" SINK=""
start_sink() {
    java -Xmx128m -XX:+UseSerialGC "$SCRIPTS/OtlpSink.java" >"$WORK/sink.out" 2>"$WORK/sink.err" &
    SINK_PID=$!
    for ((i = 0; i < 120; i++)); do
        kill -0 "$SINK_PID" 2>/dev/null || fail "the OTLP receiver exited; see $WORK/sink.err"
        SINK=$(grep -o '^listening on [0-9]*' "$WORK/sink.out" | grep -o '[0-9]*$' || true)
        [[ -z $SINK ]] || { SINK=http://127.0.0.1:$SINK; return; }
        sleep 0.5
    done
    fail "the OTLP receiver did not start within 60 s; see $WORK/sink.err"
}
stop_sink() {
    [[ -n "$SINK_PID" ]] || return 0
    kill -TERM "$SINK_PID" 2>/dev/null || true
    wait "$SINK_PID" 2>/dev/null || true
    SINK_PID=""
}
# What the receiver got so far: requests and bytes of traces, metrics and logs, on one line.
sink_counts() {
    curl -s --max-time 10 "$SINK/counts" | awk '{ printf "%s%s %s", (NR > 1 ? " " : ""), $2, $3 }'
}
trap 'stop_app; stop_sink' EXIT

# Latency from wrk's "--latency" distribution ("50%  1.23ms") in milliseconds.
percentile_ms() {
    awk -v p="$1" '$1 == p { v = $2; u = v; sub(/[0-9.]+/, "", u); sub(/[a-z]+$/, "", v);
        f = (u == "us") ? 0.001 : (u == "s") ? 1000 : (u == "m") ? 60000 : 1; printf "%.3f", v * f; exit }' "$2"
}

# CPU time the JVM's threads have used so far, in clock ticks, by group: the request threads (Tomcat's), the garbage
# collector's, the JIT compilers', the starter's own (lane workers, clock, health, bridge sampler) and the rest; then
# the context switches of all its threads. A thread's group is read from its name (/proc/<pid>/task/<tid>/comm).
cpu_by_group() {
    local task comm stat tomcat=0 gc=0 jit=0 starter=0 other=0 switches=0 ticks
    for task in /proc/"$1"/task/*; do
        comm=$(cat "$task/comm" 2>/dev/null) || continue
        stat=$(cat "$task/stat" 2>/dev/null) || continue
        stat=${stat##*) }
        ticks=$(awk '{ print $12 + $13 }' <<<"$stat")
        case $comm in
            http-nio*) tomcat=$((tomcat + ticks)) ;;
            "GC Thread"* | G1*) gc=$((gc + ticks)) ;;
            C1\ Compiler* | C2\ Compiler*) jit=$((jit + ticks)) ;;
            observability*) starter=$((starter + ticks)) ;;
            *) other=$((other + ticks)) ;;
        esac
        switches=$((switches + $(awk '/ctxt_switches/ { s += $2 } END { print s + 0 }' "$task/status" 2>/dev/null || echo 0)))
    done
    echo "$tomcat $gc $jit $starter $other $switches"
}

# CPU time the whole JVM has used so far, in clock ticks (/proc/<pid>/stat, which also counts the threads that ended).
process_ticks() {
    local stat
    stat=$(cat "/proc/$1/stat")
    awk '{ print $12 + $13 }' <<<"${stat##*) }"
}

# Puts the application under wrk's load until it is warm (see --warmup); prints the seconds it took, with a "+" when
# the automatic warm-up reached --warmup-max before the JIT settled.
warm_up() {
    local app=$1 url=$2
    if [[ $WARMUP != auto ]]; then
        wrk -t1 -c8 -d"${WARMUP}s" --timeout 10s -s "$SCRIPTS/$app.lua" "$url" >/dev/null
        echo "$WARMUP"
        return
    fi
    local seconds=0 quiet=0 before after
    while ((seconds < WARMUP_MAX)); do
        before=$(cpu_by_group "$PID")
        wrk -t1 -c8 -d10s --timeout 10s -s "$SCRIPTS/$app.lua" "$url" >/dev/null
        after=$(cpu_by_group "$PID")
        seconds=$((seconds + 10))
        if awk -v b="$before" -v a="$after" 'BEGIN { split(b, x, " "); split(a, y, " "); all = 0
                for (i = 1; i <= 5; i++) all += y[i] - x[i]
                exit !((y[3] - x[3]) < 0.02 * all) }'; then
            quiet=$((quiet + 1))
            ((quiet < 2)) || { echo "$seconds"; return; }
        else
            quiet=0
        fi
    done
    echo "$seconds+"
}

# One value of a meter from /actuator/metrics (0 when it is not there).
meter() {
    curl -s --max-time 10 "$1/actuator/metrics/$2" | grep -o '"value":[0-9.E+-]*' | head -n 1 | cut -d: -f2 \
        | awk '{ printf "%.0f", $1 } END { if (NR == 0) print 0 }' || true
}

# Switches the custom adapter on or off in the running application, through the `observability` endpoint.
switch_adapter() {
    local base=$1 adapter=$2 enabled=$3 status
    status=$(curl -s -o /dev/null -w '%{http_code}' --max-time 10 -X POST -H 'Content-Type: application/json' \
        -d "{\"enabled\": $enabled}" "$base/actuator/observability/$adapter")
    [[ $status == 204 ]] || fail "switching $adapter to enabled=$enabled answered $status"
}

# Measures one window of wrk's load on the running application and appends its row to results.tsv, as variant
# $2 and round $3 (what the application is, and which measurement of it); $4 is the e2e adapter receiving events in
# this window (custom or hanging, whose deliveries the row reports), or none.
measure_window() {
    local app=$1 variant=$2 round=$3 receiving=$4 base=$5 warmed=$6 log=$7
    local out=$WORK/runs/$app-$variant-$round.wrk
    local before after cpu_before cpu_after process_before process_after sink_before="" sink_after=""
    before=$(load1)
    [[ -z $SINK ]] || sink_before=$(sink_counts)
    ((JFR == 0)) || "$JCMD" "$PID" JFR.start name=e2e settings="$SCRIPTS/e2e.jfc" >/dev/null
    local window_start
    window_start=$(date +%s%3N)
    cpu_before=$(cpu_by_group "$PID")
    process_before=$(process_ticks "$PID")
    wrk -t1 -c8 -d"${DURATION}s" --timeout 10s --latency -s "$SCRIPTS/$app.lua" "$base/" >"$out"
    process_after=$(process_ticks "$PID")
    cpu_after=$(cpu_by_group "$PID")
    if ((JFR == 1)); then
        # the recording's file also holds samples from before the window (JFR's buffers): the window's bounds, in
        # epoch milliseconds, let JfrShare.java keep only the window's samples
        echo "$window_start $(date +%s%3N)" >"$WORK/jfr/$app-$variant-$round.window"
        "$JCMD" "$PID" JFR.stop name=e2e filename="$WORK/jfr/$app-$variant-$round.jfr" >/dev/null
    fi
    [[ -z $SINK ]] || sink_after=$(sink_counts)
    after=$(load1)
    local rps p50 p99 bad errors delivered="-" dropped="-"
    rps=$(awk '/^Requests\/sec:/ { print $2 }' "$out")
    p50=$(percentile_ms 50% "$out")
    p99=$(percentile_ms 99% "$out")
    bad=$(awk '/Non-2xx or 3xx responses:/ { print $NF }' "$out"); bad=${bad:-0}
    errors=$(awk '/Socket errors:/ { gsub(/,/, ""); print $4 + $6 + $8 + $10 }' "$out"); errors=${errors:-0}
    # CPU milliseconds per 1,000 requests by thread group, and context switches per 1,000 requests
    local requests cpu
    requests=$(awk '/requests in/ { print $1 }' "$out")
    cpu=$(awk -v b="$cpu_before" -v a="$cpu_after" -v n="$requests" -v hz="$(getconf CLK_TCK)" 'BEGIN {
        split(b, x, " "); split(a, y, " "); total = 0
        for (i = 1; i <= 5; i++) { d[i] = (y[i] - x[i]) * 1000 / hz * 1000 / n; total += d[i] }
        printf "%.0f\t%.0f\t%.0f\t%.0f\t%.0f\t%.0f\t%.0f", total, d[1], d[2], d[3], d[4], d[5], (y[6] - x[6]) * 1000 / n }')
    # the whole process's CPU milliseconds per 1,000 requests, and the bytes the OTLP receiver got per request, by signal
    local process otlp="-\t-\t-"
    process=$(awk -v b="$process_before" -v a="$process_after" -v n="$requests" -v hz="$(getconf CLK_TCK)" \
        'BEGIN { printf "%.0f", (a - b) * 1000 / hz * 1000 / n }')
    [[ -z $SINK ]] || otlp=$(awk -v b="$sink_before" -v a="$sink_after" -v n="$requests" 'BEGIN {
        split(b, x, " "); split(a, y, " "); printf "%.0f\t%.0f\t%.0f", (y[2] - x[2]) / n, (y[4] - x[4]) / n, (y[6] - x[6]) / n }')
    if [[ $receiving == custom || $receiving == hanging ]]; then
        local adapter=e2e-$receiving
        delivered=$(meter "$base" "observability.adapter.events?tag=adapter:$adapter&tag=outcome:delivered")
        dropped=$(meter "$base" "observability.adapter.events?tag=adapter:$adapter&tag=outcome:dropped")
        [[ $receiving == hanging || $delivered -gt 0 ]] \
            || fail "$app ($variant): the custom adapter received nothing; see $log"
    fi
    if [[ $receiving == otel-starter* ]]; then
        local adapter events
        delivered=0 dropped=0
        for adapter in opentelemetry-traces opentelemetry-metrics opentelemetry-logs; do
            events=$(meter "$base" "observability.adapter.events?tag=adapter:$adapter&tag=outcome:delivered")
            ((events > 0)) || fail "$app ($variant): the $adapter adapter delivered nothing; see $log"
            delivered=$((delivered + events))
            dropped=$((dropped + $(meter "$base" "observability.adapter.events?tag=adapter:$adapter&tag=outcome:dropped")))
        done
    fi
    [[ $bad == 0 ]] || fail "$app ($variant): $bad answers were not 2xx/3xx; see $out"
    printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%b\n' "$app" "$variant" "$round" "$rps" "$p50" "$p99" \
        "$before" "$after" "$delivered" "$dropped" "$errors" "$cpu" "$warmed" "$process" "$otlp" >>"$WORK/results.tsv"
    printf '%-7s %-18s round %s: warm-up %4ss, %9s req/s  p50 %7s ms  p99 %7s ms  load %s -> %s  socket errors %s\n' \
        "$app" "$variant" "$round" "$warmed" "$rps" "$p50" "$p99" "$before" "$after" "$errors" >&2
}

# Runs one measurement (a fresh JVM, warmed up, one window; with --switch, the custom adapter's pairs of windows
# first) and appends its rows to results.tsv.
measure() {
    local app=$1 variant=$2 round=$3 config=${2%@*} suffix="" jar args=() log port="" base switches=0
    [[ $variant == *@* ]] && suffix="@${variant#*@}"
    case $config in
        none) jar=$WORK/jars/$app-none.jar ;;
        defaults) jar=$WORK/jars/$app-starter$suffix.jar ;;
        custom | hanging) jar=$WORK/jars/$app-starter$suffix.jar; args=(--e2e.adapter="$config") ;;
        off) jar=$WORK/jars/$app-starter$suffix.jar; args=(--observability.enabled=false) ;;
        text) jar=$WORK/jars/$app-starter$suffix.jar; args=(--observability.json-logging.enabled=false) ;;
        otel | otel-s01) jar=$WORK/jars/$app-otel.jar; read -r -a args <<<"$(otlp_args "$config")" ;;
        otel-starter | otel-starter-s01) jar=$WORK/jars/$app-otel-starter$suffix.jar; read -r -a args <<<"$(otlp_args "$config")" ;;
        *) fail "unknown variant $variant" ;;
    esac
    [[ $config == custom ]] && switches=$SWITCH
    ((switches == 0)) || args+=(--management.endpoints.web.exposure.include=health,metrics,prometheus,observability
        --management.endpoint.observability.access=unrestricted)
    [[ -f $jar ]] || fail "$jar is missing: run without --no-build"
    log=$WORK/runs/$app-$variant-$round.log
    local exported=""
    [[ $config != otel* ]] || exported=$(sink_counts)
    local recording=()
    ((JFR == 0)) || recording=(-XX:StartFlightRecording:name=launch,settings="$SCRIPTS/e2e.jfc",disk=false,maxsize=1m)
    # emptied here, not by the background job's redirection, which may run after the first look for the port below
    # and leave it a previous run's
    : >"$log"
    # shellcheck disable=SC2086
    java $JAVA_OPTS "${recording[@]}" -jar "$jar" --server.address=127.0.0.1 --server.port=0 "${args[@]}" >"$log" 2>&1 &
    PID=$!
    for ((i = 0; i < START_TIMEOUT * 2; i++)); do
        kill -0 "$PID" 2>/dev/null || fail "$app ($variant) exited during start-up; see $log"
        port=$(grep -o 'Tomcat started on port [0-9]*' "$log" 2>/dev/null | head -n 1 | grep -o '[0-9]*$' || true)
        [[ -n $port ]] && break
        sleep 0.5
    done
    [[ -n $port ]] || fail "$app ($variant) did not start within ${START_TIMEOUT}s; see $log"
    base=http://127.0.0.1:$port
    for path in $(grep -o '"/[^"]*"' "$SCRIPTS/$app.lua" | tr -d '"' | sort -u); do
        [[ $path == /orders ]] && continue
        local status
        status=$(curl -s -o /dev/null -w '%{http_code}' --max-time 30 "$base$path")
        [[ $status == 200 ]] || fail "$app ($variant): GET $path answered $status; see $log"
    done
    local warmed
    warmed=$(warm_up "$app" "$base/")
    # on then off in odd pairs, off then on in even ones, so a drift of the JVM falls on both alike; 5 s of the same
    # load after each switch, not measured, let the JIT follow the changed path
    local pair state
    for ((pair = 1; pair <= switches; pair++)); do
        for state in $( ((pair % 2)) && echo "on off" || echo "off on"); do
            switch_adapter "$base" e2e-custom "$([[ $state == on ]] && echo true || echo false)"
            wrk -t1 -c8 -d"${SETTLE}s" --timeout 10s -s "$SCRIPTS/$app.lua" "$base/" >/dev/null
            measure_window "$app" "$variant:$state" "$round.$pair" "$([[ $state == on ]] && echo custom || echo none)" \
                "$base" "$warmed" "$log"
        done
    done
    ((switches == 0)) || switch_adapter "$base" e2e-custom null
    measure_window "$app" "$variant" "$round" "$config" "$base" "$warmed" "$log"
    stop_app
    [[ -z $exported ]] || record_exports "$app" "$variant" "$round" "$exported" "$(sink_counts)" "$log"
}

# Boot's keys for an otel variant: every signal to the receiver, sampled at 1.0 or (the -s01 variants) at Boot's 0.1.
otlp_args() {
    echo "--management.tracing.sampling.probability=$([[ $1 == *-s01 ]] && echo 0.1 || echo 1.0)" \
        "--management.opentelemetry.tracing.export.otlp.endpoint=$SINK/v1/traces" \
        "--management.opentelemetry.logging.export.otlp.endpoint=$SINK/v1/logs" \
        "--management.otlp.metrics.export.url=$SINK/v1/metrics"
}

# Appends to otlp.tsv what the receiver got from one otel JVM, from its start to its stop (which flushes every signal),
# and fails the run if a signal sent nothing.
record_exports() {
    local app=$1 variant=$2 round=$3 log=$6 got
    got=$(awk -v b="$4" -v a="$5" 'BEGIN { split(b, x, " "); split(a, y, " ")
        for (i = 1; i <= 6; i++) printf "\t%d", y[i] - x[i] }')
    printf '%s\t%s\t%s%s\n' "$app" "$variant" "$round" "$got" >>"$WORK/otlp.tsv"
    read -r traces _ metrics _ logs _ <<<"$got"
    ((traces > 0 && metrics > 0 && logs > 0)) \
        || fail "$app ($variant): the OTLP receiver got $traces trace, $metrics metric and $logs log exports; see $log"
}

# With --switch: the custom adapter on against off in the same JVM, paired by window.
switch_summary() {
    local switched
    switched=$(for variant in $VARIANTS; do if [[ ${variant%@*} == custom ]]; then echo "$variant"; fi; done)
    ((SWITCH > 0)) && [[ -n $switched ]] || return 0
    echo
    echo "The custom adapter switched on and off at runtime in the same JVM (--switch $SWITCH: each \`custom\` JVM after its"
    echo "warm-up, pairs of ${DURATION} s windows, on then off and off then on in turn): on against off, the median of each pair's"
    echo "own ratio with its sign-test interval over all pairs of all rounds. The starter's jars and Micrometer's composite"
    echo "registry are there in both windows; what differs is the adapter's lane and the bridges' work for it."
    echo
    echo "| application | variant | pairs | throughput, on vs off | p99, on vs off | request-thread CPU per request, on vs off | all threads' CPU per request, on vs off |"
    echo "| --- | --- | --- | --- | --- | --- | --- |"
    local app variant
    for app in $APPS; do
        for variant in $switched; do
            echo "| $app | $variant | $(awk -F'\t' -v a="$app" -v v="$variant:on" '$1 == a && $2 == v' "$WORK/results.tsv" | wc -l) |" \
                "$(paired "$app" "$variant:on" 4 "$variant:off") | $(paired "$app" "$variant:on" 6 "$variant:off") |" \
                "$(paired "$app" "$variant:on" 13 "$variant:off") | $(paired "$app" "$variant:on" 12 "$variant:off") |"
        done
    done
}

warm_up_text() {
    if [[ $WARMUP != auto ]]; then
        echo "${WARMUP} s warm-up"
        return
    fi
    echo "warmed up until the JIT settled (2 steps of 10 s with under 2 % of the JVM's CPU in its compilers;" \
        "$(cut -f19 "$WORK/results.tsv" | tail -n +2 | tr -d + | sort -n | awk '{ v[NR] = $1 } END { printf "%s to %s s", v[1], v[NR] }')" \
        "in this run$(grep -q '+$' "$WORK/results.tsv" && echo ", some stopped at the ${WARMUP_MAX} s limit"))"
}

median() { sort -g | awk '{ v[NR] = $1 } END { if (NR == 0) exit; if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

# The median of one column of results.tsv over a variant's rounds (nothing when the variant did not run).
column_median() { awk -F'\t' -v a="$1" -v v="$2" -v c="$3" '$1 == a && $2 == v { print $c }' "$WORK/results.tsv" | median; }

# The variant a variant's ratios are against: its own entry in --baselines (by its full name, then without @<commit>)
# when that variant ran, otherwise none.
baseline_of() {
    local variant=$1 key pair
    for key in "$variant" "${variant%@*}"; do
        for pair in $BASELINES; do
            if [[ ${pair%%=*} == "$key" && " $VARIANTS " == *" ${pair#*=} "* ]]; then
                echo "${pair#*=}"
                return
            fi
        done
    done
    echo none
}

# The median over the rounds of a variant's own ratio against the same round's `none` (or $4) in one column of results.tsv
# (the rounds alternate the variants, so a round's ratio compares JVMs measured minutes apart), and a sign-test
# interval for it: the k-th lowest and k-th highest ratio, k as large as keeps a confidence of at least 90 % (k = 1
# below 5 rounds, with the confidence it has), e.g. "0.938x [0.911 to 0.957, 97 %]".
paired() {
    local app=$1 variant=$2 column=$3 against=${4:-none}
    if [[ $variant == "$against" ]]; then echo "1.000x"; return; fi
    awk -F'\t' -v a="$app" -v v="$variant" -v c="$column" -v b="$against" '$1 == a && $2 == b { n[$3] = $c } $1 == a && $2 == v { x[$3] = $c }
        END { for (r in x) if ((r in n) && n[r] > 0) print x[r] / n[r] }' "$WORK/results.tsv" | sort -g \
        | awk '{ v[NR] = $1 }
            function below(k,   i, p, sum) { p = 0.5 ^ NR; sum = 0; for (i = 0; i < k; i++) { sum += p; p = p * (NR - i) / (i + 1) } return sum }
            END {
                if (NR == 0) { print "-"; exit }
                m = (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2
                if (NR == 1) { printf "%.3fx", m; exit }
                k = 1
                while (k + 1 <= NR / 2 && 1 - 2 * below(k + 1) >= 0.9) k++
                printf "%.3fx [%.3f to %.3f, %.0f %%]", m, v[k], v[NR + 1 - k], 100 * (1 - 2 * below(k))
            }'
}

STARTED=$(date -u '+%Y-%m-%d %H:%M UTC')
LOAD_START=$(cut -d' ' -f1-3 /proc/loadavg)
printf 'app\tvariant\tround\trps\tp50_ms\tp99_ms\tload_before\tload_after\tdelivered\tdropped\tsocket_errors' >"$WORK/results.tsv"
printf '\tcpu_ms_per_1000\ttomcat\tgc\tjit\tstarter\tother\tswitches_per_1000\twarmup_s\tprocess_cpu_ms_per_1000' >>"$WORK/results.tsv"
printf '\totlp_trace_bytes_per_request\totlp_metric_bytes_per_request\totlp_log_bytes_per_request\n' >>"$WORK/results.tsv"
printf 'app\tvariant\tround\ttrace_exports\ttrace_bytes\tmetric_exports\tmetric_bytes\tlog_exports\tlog_bytes\n' >"$WORK/otlp.tsv"
[[ " $VARIANTS " != *" otel"* ]] || start_sink
echo "rounds $ROUNDS, warm-up ${WARMUP}$([[ $WARMUP == auto ]] || echo s), measured ${DURATION}s; load average at the start: $LOAD_START" >&2
# Round r runs the variants rotated by r - 1 places, so that each variant takes each place in a round in turn: the
# JVM started right after another's may run slower or faster than the first (measured, see docs/benchmarks.md).
read -r -a ORDER <<<"$VARIANTS"
for ((round = 1; round <= ROUNDS; round++)); do
    for app in $APPS; do
        for ((place = 0; place < ${#ORDER[@]}; place++)); do
            measure "$app" "${ORDER[(place + round - 1) % ${#ORDER[@]}]}" "$round"
        done
    done
done
LOAD_END=$(cut -d' ' -f1-3 /proc/loadavg)

echo "## End to end: $STARTED, $(git rev-parse --short HEAD)$(git diff --quiet HEAD -- . || echo ' (modified)')"
echo
if [[ ${LOAD_START%% *} != 0.[0-4]* ]]; then
    echo "**Not a quiet machine** (1-minute load average ${LOAD_START%% *} at the start, ≥ 0.5): ratios are noisy."
    echo
fi
echo "$ROUNDS round(s), each a fresh JVM per variant: $(warm_up_text), then \`wrk -t1 -c8 -d${DURATION}s --latency\`;" \
    "load average $LOAD_START at the start, $LOAD_END at the end; $(java -version 2>&1 | head -n 1); $(nproc) CPUs."
echo
echo "The paired columns give the median of each round's own ratio against that round's baseline (\`none\` unless the"
echo "against column names another) and, in brackets, the interval between two of those ratios, ranked from each end, that"
echo "holds the median ratio of all such rounds with the confidence given (a sign-test interval, assuming nothing about the"
echo "spread; the widest such interval, of the lowest and highest ratio, holds it with 1 - 2 x 0.5^rounds: 75 % for 3"
echo "rounds, 97 % for 6). A target is settled when the whole interval is on one side of it. CPU is the whole process's CPU"
echo "time while wrk measured, per 1,000 requests."
echo
echo "| application | variant | against | req/s (median) | vs baseline | vs baseline, paired | p50 ms | p99 ms | p99 vs baseline | p99 vs baseline, paired | CPU ms per 1,000 requests | CPU per request vs baseline, paired | rounds (req/s) |"
echo "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |"
ratio() { [[ -n $1 && -n $2 ]] && awk -v x="$1" -v y="$2" 'BEGIN { if (y > 0) printf "%.3fx", x / y; else print "-" }' || echo "-"; }
for app in $APPS; do
    for variant in $VARIANTS; do
        against=$(baseline_of "$variant")
        rps=$(column_median "$app" "$variant" 4)
        p99=$(column_median "$app" "$variant" 6)
        all=$(awk -F'\t' -v a="$app" -v v="$variant" '$1 == a && $2 == v { printf "%s%.0f", (n++ ? ", " : ""), $4 }' "$WORK/results.tsv")
        printf '| %s | %s | %s | %.1f | %s | %s | %.2f | %.2f | %s | %s | %s | %s | %s |\n' "$app" "$variant" \
            "$([[ $variant == none ]] && echo - || echo "$against")" "$rps" \
            "$(ratio "$rps" "$(column_median "$app" "$against" 4)")" "$(paired "$app" "$variant" 4 "$against")" \
            "$(column_median "$app" "$variant" 5)" "$p99" "$(ratio "$p99" "$(column_median "$app" "$against" 6)")" \
            "$(paired "$app" "$variant" 6 "$against")" "$(column_median "$app" "$variant" 20)" \
            "$(paired "$app" "$variant" 20 "$against")" "$all"
    done
done
echo
echo "CPU time of the application's JVM per 1,000 requests (ms, medians over the rounds, while wrk measured): the whole"
echo "process (/proc/<pid>/stat), and its live threads (/proc/<pid>/task/*/stat) by thread group; then its threads' context"
echo "switches per 1,000 requests:"
echo
echo "| application | variant | process | all threads | request threads | GC | JIT | the starter's | other | switches |"
echo "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |"
for app in $APPS; do
    for variant in $VARIANTS; do
        line="| $app | $variant |"
        for column in 20 12 13 14 15 16 17 18; do
            line="$line $(column_median "$app" "$variant" "$column") |"
        done
        echo "$line"
    done
done
if [[ -n $SINK ]]; then
    echo
    echo "What the loopback OTLP receiver got from the otel variants (medians over the rounds): bytes per request while wrk"
    echo "measured, and the export requests of each JVM from its start to its stop, by signal:"
    echo
    echo "| application | variant | trace B/request | metric B/request | log B/request | trace exports | metric exports | log exports |"
    echo "| --- | --- | --- | --- | --- | --- | --- | --- |"
    for app in $APPS; do
        for variant in $VARIANTS; do
            [[ $variant == otel* ]] || continue
            exports=$(for column in 4 6 8; do
                awk -F'\t' -v a="$app" -v v="$variant" -v c="$column" '$1 == a && $2 == v { print $c }' "$WORK/otlp.tsv" | median
            done | paste -sd'|' | sed 's/|/ | /g')
            echo "| $app | $variant | $(column_median "$app" "$variant" 21) | $(column_median "$app" "$variant" 22) |" \
                "$(column_median "$app" "$variant" 23) | $exports |"
        done
    done
fi
switch_summary
