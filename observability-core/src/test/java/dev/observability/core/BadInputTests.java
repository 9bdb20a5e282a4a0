package dev.observability.core;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

import dev.observability.core.internal.tracing.SpanNames;
import dev.observability.core.logging.LogLimits;
import dev.observability.core.spi.DispatchMode;
import dev.observability.core.spi.Fields;
import dev.observability.core.spi.InputRefusal;
import dev.observability.core.spi.Labels;
import dev.observability.core.spi.LogEvent;
import dev.observability.core.spi.LogLevel;
import dev.observability.core.spi.Metric;
import dev.observability.core.spi.Signal;
import dev.observability.core.testing.TestAdapter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

/**
 * One test per rule of docs/reliability.md, "Bad input: the rules": nothing throws into the application, refused
 * recordings never reach an adapter and are counted by reason.
 */
class BadInputTests {

    private final TestAdapter adapter = new TestAdapter("adapter", DispatchMode.INLINE);

    private final ObservabilityManager manager = ObservabilityManager.builder().adapter(this.adapter)
        .signalEnabled(Signal.HEALTH, false).logLimits(new LogLimits(100, 20, 3)).build();

    @AfterEach
    void stop() {
        this.manager.close();
    }

    private long refused(InputRefusal reason) {
        return this.manager.controls().refusals().count(reason);
    }

    @Test
    void nullBlankMalformedAndOverLongMetricNamesAreRefusedAsInvalidName() {
        this.manager.counter((String) null, Labels.empty());
        this.manager.gauge(" ", 1, Labels.empty());
        this.manager.histogram("9lives", 1, Labels.empty());
        this.manager.timing("has space", Duration.ZERO, Labels.empty());
        this.manager.counter("x".repeat(10_000), Labels.empty());
        this.manager.counterHandle("bad name", Labels.empty()).increment();
        this.manager.counter((Metric) null, Labels.empty());
        this.manager.gaugeHandle(Metric.named("bad name").withDescription("Described"), Labels.empty()).set(1);
        assertThat(refused(InputRefusal.INVALID_NAME)).isEqualTo(8);
        assertThat(this.adapter.events).isEmpty();
    }

    @Test
    void nullMalformedOrOverLongLabelsAreRefusedAsInvalidLabels() {
        this.manager.counter("ok", Labels.of("k", null));
        this.manager.counter("ok", Labels.of(null, "v"));
        this.manager.counter("ok", Labels.of("bad key", "v"));
        this.manager.counter("ok", Labels.of("k", "v".repeat(10_000)));
        this.manager.counter("ok", null);
        this.manager.counter(Metric.named("ok"), null);
        assertThat(refused(InputRefusal.INVALID_LABELS)).isEqualTo(6);
        assertThat(this.adapter.events).isEmpty();
    }

    @Test
    void nanInfiniteAndNegativeValuesAreRefusedWhereTheyMakeNoSense() {
        this.manager.counter("c", Double.NaN, Labels.empty());
        this.manager.counter("c", Double.POSITIVE_INFINITY, Labels.empty());
        this.manager.counter("c", -1, Labels.empty());
        this.manager.gauge("g", Double.NEGATIVE_INFINITY, Labels.empty());
        this.manager.histogram("h", -0.5, Labels.empty());
        this.manager.histogram("h", Double.NaN, Labels.empty());
        this.manager.timing("t", Duration.ofMillis(-1), Labels.empty());
        this.manager.timing("t", null, Labels.empty());
        this.manager.timingHandle("t", Labels.empty()).record(5, null);
        assertThat(refused(InputRefusal.INVALID_VALUE)).isEqualTo(9);
        assertThat(this.adapter.events).isEmpty();
    }

    @Test
    void negativeGaugesAndZeroAreRecorded() {
        this.manager.gauge("g", -273.15, Labels.empty());
        this.manager.counter("c", 0, Labels.empty());
        this.manager.timingHandle("t", Labels.empty()).record(0, TimeUnit.SECONDS);
        assertThat(this.adapter.events).containsExactly("gauge g{} -273.15", "counter c{} 0.0", "timing t{} PT0S");
        assertThat(this.manager.controls().refusals().snapshot().values()).containsOnly(0L);
    }

    @Test
    void nullBlankControlCharacterAndOverLongSpanNamesAreRefusedAsInvalidName() {
        for (String name : new String[] { null, "", " \t", "line\nbreak", "s".repeat(SpanNames.MAX_LENGTH + 1) }) {
            try (var span = this.manager.startSpan(name)) {
                span.attribute("k", "v").event("e", Fields.empty()).error(new RuntimeException());
                assertThat(span.context()).isNull();
            }
        }
        this.manager.startSpan("GET /orders/{id} ✓").close();
        assertThat(refused(InputRefusal.INVALID_NAME)).isEqualTo(5);
        assertThat(this.adapter.spans).extracting((span) -> span.name()).containsExactly("GET /orders/{id} ✓");
    }

    @Test
    void overLongLogMessagesAndFieldsAreCutWithAMarkerAndCounted() {
        this.manager.log(LogLevel.INFO, "m".repeat(150), Fields.of("long", "f".repeat(50), "short", "ok"));
        assertThat(this.adapter.events).singleElement().asString()
            .isEqualTo("log " + "m".repeat(100) + "…[truncated 50 chars]");
        assertThat(this.manager.controls().refusals().truncations()).isEqualTo(2);
    }

    @Test
    void fieldsBeyondTheLimitAreLeftOutAndCounted() {
        this.manager.log(LogLevel.INFO, "many", Fields.of("a", 1, "b", 2, "c", 3, "d", 4));
        assertThat(this.manager.controls().refusals().truncations()).isEqualTo(1);
    }

    @Test
    void nullLogPartsAreWrittenWithTheirStandIns() {
        this.manager.log(LogLevel.INFO, null, null, null, null);
        this.manager.log(new LogEvent(Instant.now(), LogLevel.INFO, null, null, null, null, null, null));
        assertThat(this.adapter.events).containsExactly("log null", "log null");
        assertThatNullPointerException().isThrownBy(
                () -> new LogEvent(null, LogLevel.INFO, "l", "t", "m", Fields.empty(), null, null));
    }

    @Test
    void fieldValuesWhoseToStringThrowsAreKeptAsAMarker() {
        Object hostile = new Object() {
            @Override
            public String toString() {
                throw new IllegalStateException("boom");
            }
        };
        Fields fields = Fields.of("value", hostile, hostile, "key");
        assertThat(fields.get("value")).isEqualTo("<toString() threw java.lang.IllegalStateException>");
        assertThat(fields.keys()).containsExactly("value", "<toString() threw java.lang.IllegalStateException>");
    }

    @Test
    void fieldKeysFollowTheDocumentedRules() {
        Fields fields = Fields.of("a", 1, null, "dropped", "a", 2, "n", 1.5f);
        assertThat(fields.asMap()).containsExactly(java.util.Map.entry("a", 2L), java.util.Map.entry("n", 1.5d));
        assertThatIllegalArgumentException().isThrownBy(() -> Fields.of("odd"));
    }
}
