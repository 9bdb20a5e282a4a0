package dev.observability.core.badinput;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;

import dev.observability.core.ObservabilityManager;
import dev.observability.core.chaos.ChaosAdapter;
import dev.observability.core.dispatch.LaneSettings;
import dev.observability.core.spi.DispatchMode;
import dev.observability.core.spi.Fields;
import dev.observability.core.spi.InputRefusal;
import dev.observability.core.spi.Labels;
import dev.observability.core.spi.LogEvent;
import dev.observability.core.spi.LogLevel;
import dev.observability.core.spi.Signal;
import dev.observability.core.spi.SpanContext;
import dev.observability.core.spi.SpanStart;
import dev.observability.core.spi.SpanStatus;
import dev.observability.core.tracing.Span;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static dev.observability.core.badinput.Expected.delivered;
import static dev.observability.core.badinput.Expected.ignored;
import static dev.observability.core.badinput.Expected.refused;
import static dev.observability.core.badinput.Expected.truncated;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

/**
 * Every public recording method of the manager and its handles, tried with every kind of bad input. For each row:
 * no exception reaches the application, the outcome is the documented one (docs/reliability.md, "Bad input"), and
 * the refusal is counted under its reason (and under no other).
 */
class BadInputTests {

    private static final Labels OK = Labels.of("region", "eu");

    private static final Set<BadText> SPAN_NAMES_REFUSED = EnumSet.of(BadText.NULL, BadText.EMPTY, BadText.BLANK,
            BadText.HUGE, BadText.NEWLINE, BadText.CONTROL, BadText.FORGED_JSON);

    private static final Set<BadText> LABEL_VALUES_REFUSED = EnumSet.of(BadText.NULL, BadText.HUGE);

    private static final ChaosAdapter adapter = new ChaosAdapter("recorder", ChaosAdapter.healthy());

    private static ObservabilityManager manager;

    @BeforeAll
    static void startManager() {
        manager = ObservabilityManager.builder()
            .adapter(adapter, LaneSettings.DEFAULTS.withDispatch(DispatchMode.INLINE))
            .build();
        manager.start();
    }

    @AfterAll
    static void stopManager() {
        manager.close();
    }

    @ParameterizedTest(name = "{0} -> {2}")
    @MethodSource("rows")
    void badInputNeverThrowsAndHasTheDocumentedOutcome(String call, Consumer<ObservabilityManager> action,
            Expected expected) {
        Map<InputRefusal, Long> refusalsBefore = manager.controls().refusals().snapshot();
        long truncationsBefore = manager.controls().refusals().truncations();
        Map<Signal, Long> callsBefore = calls();
        assertThatCode(() -> action.accept(manager)).as(call).doesNotThrowAnyException();
        Map<InputRefusal, Long> refusals = manager.controls().refusals().snapshot();
        for (InputRefusal reason : InputRefusal.values()) {
            assertThat(refusals.get(reason) - refusalsBefore.get(reason)).as("%s: refusals for %s", call, reason)
                .isEqualTo((reason == expected.refusal()) ? 1 : 0);
        }
        Map<Signal, Long> callsAfter = calls();
        for (Signal signal : callsAfter.keySet()) {
            assertThat(callsAfter.get(signal) - callsBefore.get(signal)).as("%s: %s events delivered", call, signal)
                .isEqualTo((signal == expected.delivered()) ? 1 : 0);
        }
        assertThat(manager.controls().refusals().truncations() - truncationsBefore).as("%s: cuts", call)
            .isEqualTo(expected.truncations());
    }

    private static Map<Signal, Long> calls() {
        Map<Signal, Long> calls = new EnumMap<>(Signal.class);
        for (Signal signal : List.of(Signal.METRICS, Signal.TRACING, Signal.LOGGING)) {
            calls.put(signal, adapter.calls(signal));
        }
        return calls;
    }

    static Stream<Arguments> rows() {
        List<Arguments> rows = new ArrayList<>();
        for (BadText text : BadText.values()) {
            metricNameRows(rows, text);
            labelRows(rows, text);
            spanTextRows(rows, text);
            logTextRows(rows, text);
        }
        numberRows(rows);
        nullArgumentRows(rows);
        structureRows(rows);
        return rows.stream();
    }

    private static void metricNameRows(List<Arguments> rows, BadText text) {
        String name = text.value;
        Expected refused = refused(InputRefusal.INVALID_NAME);
        row(rows, "counter(name=" + text + ")", (m) -> m.counter(name, OK), refused);
        row(rows, "counter(name=" + text + ", 1)", (m) -> m.counter(name, 1, OK), refused);
        row(rows, "gauge(name=" + text + ")", (m) -> m.gauge(name, 1, OK), refused);
        row(rows, "histogram(name=" + text + ")", (m) -> m.histogram(name, 1, OK), refused);
        row(rows, "timing(name=" + text + ")", (m) -> m.timing(name, Duration.ZERO, OK), refused);
        row(rows, "counterHandle(name=" + text + ").increment()", (m) -> m.counterHandle(name, OK).increment(),
                refused);
        row(rows, "gaugeHandle(name=" + text + ").set(1)", (m) -> m.gaugeHandle(name, OK).set(1), refused);
        row(rows, "histogramHandle(name=" + text + ").record(1)", (m) -> m.histogramHandle(name, OK).record(1),
                refused);
        row(rows, "timingHandle(name=" + text + ").record(0s)",
                (m) -> m.timingHandle(name, OK).record(Duration.ZERO), refused);
    }

    private static void labelRows(List<Arguments> rows, BadText text) {
        String bad = text.value;
        Expected refusedLabels = refused(InputRefusal.INVALID_LABELS);
        row(rows, "counter(labels key=" + text + ")", (m) -> m.counter("ok", 1, Labels.of(bad, "v")),
                refusedLabels);
        row(rows, "counterHandle(labels key=" + text + ")",
                (m) -> m.counterHandle("ok", Labels.of(bad, "v")).increment(), refusedLabels);
        Expected valueOutcome = LABEL_VALUES_REFUSED.contains(text) ? refusedLabels : delivered(Signal.METRICS);
        row(rows, "counter(labels value=" + text + ")", (m) -> m.counter("ok", 1, Labels.of("k", bad)),
                valueOutcome);
        row(rows, "gaugeHandle(labels value=" + text + ")", (m) -> m.gaugeHandle("ok", Labels.of("k", bad)).set(1),
                valueOutcome);
        row(rows, "labels value=" + text + " added with and()", (m) -> m.histogram("ok", 1, OK.and("k", bad)),
                valueOutcome);
    }

    private static void spanTextRows(List<Arguments> rows, BadText text) {
        String bad = text.value;
        Expected nameOutcome = SPAN_NAMES_REFUSED.contains(text) ? refused(InputRefusal.INVALID_NAME)
                : delivered(Signal.TRACING);
        row(rows, "startSpan(name=" + text + ")", (m) -> m.startSpan(bad).close(), nameOutcome);
        row(rows, "startSpan(name=" + text + ", attributes)", (m) -> m.startSpan(bad, Fields.of("k", "v")).close(),
                nameOutcome);
        row(rows, "recordSpan(name=" + text + ")", (m) -> m.recordSpan(start(bad), (span) -> span.end(Instant.now()),
                (adapter) -> true), nameOutcome);
        Expected spanDelivered = delivered(Signal.TRACING);
        row(rows, "span.attribute(key=" + text + ")", (m) -> span(m, (span) -> span.attribute(bad, "v")),
                spanDelivered);
        row(rows, "span.attribute(value=" + text + ")", (m) -> span(m, (span) -> span.attribute("k", bad)),
                spanDelivered);
        row(rows, "span.event(name=" + text + ")", (m) -> span(m, (span) -> span.event(bad, Fields.empty())),
                spanDelivered);
        row(rows, "span.event(attribute key=" + text + ")",
                (m) -> span(m, (span) -> span.event("e", Fields.of(bad, "v"))), spanDelivered);
        row(rows, "span.status(ERROR, description=" + text + ")",
                (m) -> span(m, (span) -> span.status(SpanStatus.ERROR, bad)), spanDelivered);
        row(rows, "span.error(exception with message " + text + ")",
                (m) -> span(m, (span) -> span.error(new IllegalStateException(bad))), spanDelivered);
    }

    private static void logTextRows(List<Arguments> rows, BadText text) {
        String bad = text.value;
        long cut = (text == BadText.HUGE) ? 1 : 0;
        Expected outcome = truncated(Signal.LOGGING, cut);
        row(rows, "log(INFO, message=" + text + ")", (m) -> m.log(LogLevel.INFO, bad), outcome);
        row(rows, "log(INFO, message, field value=" + text + ")",
                (m) -> m.log(LogLevel.INFO, "m", Fields.of("k", bad)), outcome);
        row(rows, "log(INFO, message, field key=" + text + ")",
                (m) -> m.log(LogLevel.INFO, "m", Fields.of(bad, "v")), outcome);
        row(rows, "log(INFO, logger=" + text + ", message, fields, error)",
                (m) -> m.log(LogLevel.INFO, bad, "m", Fields.empty(), new IllegalStateException(bad)),
                delivered(Signal.LOGGING));
        row(rows, "log(LogEvent message=" + text + ")", (m) -> m.log(new LogEvent(Instant.now(), LogLevel.WARN, bad,
                bad, bad, Fields.of("k", bad), null, null)), truncated(Signal.LOGGING, 2 * cut));
    }

    private static void numberRows(List<Arguments> rows) {
        Expected invalid = refused(InputRefusal.INVALID_VALUE);
        Expected metric = delivered(Signal.METRICS);
        for (double value : new double[] { Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY }) {
            row(rows, "counter(amount=" + value + ")", (m) -> m.counter("ok", value, OK), invalid);
            row(rows, "counterHandle.increment(" + value + ")", (m) -> m.counterHandle("ok", OK).increment(value),
                    invalid);
            row(rows, "gauge(value=" + value + ")", (m) -> m.gauge("ok", value, OK), invalid);
            row(rows, "gaugeHandle.set(" + value + ")", (m) -> m.gaugeHandle("ok", OK).set(value), invalid);
            row(rows, "histogram(value=" + value + ")", (m) -> m.histogram("ok", value, OK), invalid);
            row(rows, "histogramHandle.record(" + value + ")", (m) -> m.histogramHandle("ok", OK).record(value),
                    invalid);
            row(rows, "span.attribute(k, " + value + ")", (m) -> span(m, (span) -> span.attribute("k", value)),
                    delivered(Signal.TRACING));
            row(rows, "log field " + value, (m) -> m.log(LogLevel.INFO, "m", Fields.of("k", value)),
                    delivered(Signal.LOGGING));
        }
        row(rows, "counter(amount=-1)", (m) -> m.counter("ok", -1, OK), invalid);
        row(rows, "counterHandle.increment(-1)", (m) -> m.counterHandle("ok", OK).increment(-1), invalid);
        row(rows, "counter(amount=-0.0)", (m) -> m.counter("ok", -0.0, OK), metric);
        row(rows, "counter(amount=Double.MAX_VALUE)", (m) -> m.counter("ok", Double.MAX_VALUE, OK), metric);
        row(rows, "gauge(value=-1)", (m) -> m.gauge("ok", -1, OK), metric);
        row(rows, "histogram(value=-1)", (m) -> m.histogram("ok", -1, OK), invalid);
        row(rows, "histogramHandle.record(-1)", (m) -> m.histogramHandle("ok", OK).record(-1), invalid);
        row(rows, "timing(duration=-1ns)", (m) -> m.timing("ok", Duration.ofNanos(-1), OK), invalid);
        row(rows, "timingHandle.record(-1ns)", (m) -> m.timingHandle("ok", OK).record(Duration.ofNanos(-1)), invalid);
        row(rows, "timing(duration=null)", (m) -> m.timing("ok", null, OK), invalid);
        row(rows, "timingHandle.record(null)", (m) -> m.timingHandle("ok", OK).record(null), invalid);
        row(rows, "timing(duration=Long.MAX_VALUE s)", (m) -> m.timing("ok", Duration.ofSeconds(Long.MAX_VALUE), OK),
                metric);
    }

    private static void nullArgumentRows(List<Arguments> rows) {
        Expected invalidLabels = refused(InputRefusal.INVALID_LABELS);
        row(rows, "counter(labels=null)", (m) -> m.counter("ok", 1, null), invalidLabels);
        row(rows, "gauge(labels=null)", (m) -> m.gauge("ok", 1, null), invalidLabels);
        row(rows, "histogram(labels=null)", (m) -> m.histogram("ok", 1, null), invalidLabels);
        row(rows, "timing(labels=null)", (m) -> m.timing("ok", Duration.ZERO, null), invalidLabels);
        row(rows, "counterHandle(labels=null)", (m) -> m.counterHandle("ok", null).increment(), invalidLabels);
        row(rows, "log(level=null, message)", (m) -> m.log(null, "m"), ignored());
        row(rows, "log(level=null, message, fields)", (m) -> m.log(null, "m", Fields.empty()), ignored());
        row(rows, "log(INFO, message, fields=null)", (m) -> m.log(LogLevel.INFO, "m", null), delivered(Signal.LOGGING));
        row(rows, "log(LogEvent=null)", (m) -> m.log((LogEvent) null), ignored());
        row(rows, "log(DEBUG) below the minimum level", (m) -> m.log(LogLevel.DEBUG, "m"), ignored());
        row(rows, "startSpan(name, attributes=null)", (m) -> m.startSpan("ok", null).close(), delivered(Signal.TRACING));
        row(rows, "span.event(name, attributes=null)", (m) -> span(m, (span) -> span.event("e", null)),
                delivered(Signal.TRACING));
        row(rows, "span.error(null)", (m) -> span(m, (span) -> span.error(null)), delivered(Signal.TRACING));
        row(rows, "span.status(null, null)", (m) -> span(m, (span) -> span.status(null, null)),
                delivered(Signal.TRACING));
        row(rows, "span closed twice, used after close", (m) -> {
            Span span = m.startSpan("twice");
            span.close();
            span.close();
            span.attribute("late", "v");
            span.makeCurrent().close();
        }, delivered(Signal.TRACING));
        row(rows, "recordSpan(null, replay, filter)", (m) -> m.recordSpan(null, (span) -> { }, (adapter) -> true),
                ignored());
        row(rows, "recordSpan(start, null, filter)", (m) -> m.recordSpan(start("ok"), null, (adapter) -> true),
                ignored());
        row(rows, "recordSpan(start, replay, null)", (m) -> m.recordSpan(start("ok"), (span) -> { }, null), ignored());
        row(rows, "setEnabled(null, false)", (m) -> m.controls().setEnabled(null, false), ignored());
        row(rows, "setEnabled(unknown, false)", (m) -> m.controls().setEnabled("no-such-adapter", false), ignored());
        row(rows, "resetEnabled(null)", (m) -> m.controls().resetEnabled(null), ignored());
        row(rows, "resetEnabled(unknown)", (m) -> m.controls().resetEnabled("no-such-adapter"), ignored());
        row(rows, "adapter(null)", (m) -> m.controls().adapter(null), ignored());
    }

    private static void structureRows(List<Arguments> rows) {
        row(rows, "log field holding a 100,000-deep nested list",
                (m) -> m.log(LogLevel.INFO, "m", Fields.of("nested", nestedList(100_000))), delivered(Signal.LOGGING));
        row(rows, "log field holding a list that contains itself through another list",
                (m) -> m.log(LogLevel.INFO, "m", Fields.of("cycle", cycle())), delivered(Signal.LOGGING));
        row(rows, "log field whose toString() throws",
                (m) -> m.log(LogLevel.INFO, "m", Fields.of("bad", new ThrowingToString())), delivered(Signal.LOGGING));
        row(rows, "log with 100,000 fields", (m) -> m.log(LogLevel.INFO, "m", manyFields(100_000)),
                truncated(Signal.LOGGING, 1));
        row(rows, "log field value of 10,000,000 characters",
                (m) -> m.log(LogLevel.INFO, "m", Fields.of("k", "x".repeat(10_000_000))), truncated(Signal.LOGGING, 1));
        row(rows, "span attributes given as a 100,000-deep nested list",
                (m) -> m.startSpan("s", Fields.of("nested", nestedList(100_000))).close(), delivered(Signal.TRACING));
    }

    private static void row(List<Arguments> rows, String call, Consumer<ObservabilityManager> action,
            Expected expected) {
        rows.add(Arguments.of(call, action, expected));
    }

    private static void span(ObservabilityManager manager, Consumer<Span> use) {
        try (Span span = manager.startSpan("ok")) {
            use.accept(span);
        }
    }

    private static SpanStart start(String name) {
        return new SpanStart(name, new SpanContext(SpanContext.randomTraceId(), SpanContext.randomSpanId(), true),
                null, Instant.now(), Fields.empty());
    }

    static List<Object> nestedList(int depth) {
        List<Object> root = new ArrayList<>();
        List<Object> current = root;
        for (int i = 0; i < depth; i++) {
            List<Object> child = new ArrayList<>();
            current.add(child);
            current = child;
        }
        return root;
    }

    private static List<Object> cycle() {
        List<Object> first = new ArrayList<>();
        List<Object> second = new ArrayList<>();
        first.add(second);
        second.add(first);
        return first;
    }

    private static Fields manyFields(int count) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < count; i++) {
            map.put("f" + i, i);
        }
        return Fields.from(map);
    }

    /**
     * A value whose {@code toString()} throws, as some proxies do.
     */
    private static final class ThrowingToString {

        @Override
        public String toString() {
            throw new IllegalStateException("no toString for you");
        }
    }
}
