package dev.observability.core.redaction;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.observability.core.ObservabilityManager;
import dev.observability.core.ObservabilityManagerBuilder;
import dev.observability.core.dispatch.LaneSettings;
import dev.observability.core.health.HealthCheck;
import dev.observability.core.spi.AdapterHealth;
import dev.observability.core.spi.AdapterSpan;
import dev.observability.core.spi.DispatchMode;
import dev.observability.core.spi.Fields;
import dev.observability.core.spi.HealthAdapter;
import dev.observability.core.spi.HealthReport;
import dev.observability.core.spi.Labels;
import dev.observability.core.spi.LogEvent;
import dev.observability.core.spi.LogLevel;
import dev.observability.core.spi.LoggingAdapter;
import dev.observability.core.spi.MetricId;
import dev.observability.core.spi.MetricsAdapter;
import dev.observability.core.spi.SpanContext;
import dev.observability.core.spi.SpanStart;
import dev.observability.core.spi.SpanStatus;
import dev.observability.core.spi.TracingAdapter;
import dev.observability.core.tracing.Span;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Proves that the value of a sensitive key never reaches an adapter, through any signal and either dispatch mode,
 * and never shows in the manager's own health and state.
 */
class RedactionBeforeAdaptersTests {

    private static final String SECRET = "s3cr3t-value-7f1c";

    @Test
    void noAdapterEverSeesTheValueOfASensitiveKey() {
        Spy inline = new Spy("inline-spy");
        Spy async = new Spy("async-spy");
        try (ObservabilityManager manager = managerWith(Redaction.defaults(), inline, async)) {
            manager.start();
            recordSecretsEverywhere(manager);
            String state = manager.controls()
                .runHealthChecks() + " " + manager.controls().adapters() + " " + manager.controls().health();
            manager.close();
            assertThat(state).doesNotContain(SECRET).contains(Redaction.MASK);
        }
        for (Spy spy : List.of(inline, async)) {
            assertThat(spy.seen).as(spy.name()).hasSizeGreaterThanOrEqualTo(12);
            assertThat(String.join("\n", spy.seen)).as(spy.name()).doesNotContain(SECRET).contains(Redaction.MASK)
                .contains("order-42");
        }
    }

    @Test
    void withRedactionDisabledTheSameRecordingsDoReachTheAdapters() {
        Spy spy = new Spy("spy");
        try (ObservabilityManager manager = managerWith(Redaction.disabled(), spy)) {
            manager.start();
            recordSecretsEverywhere(manager);
            manager.controls().runHealthChecks();
        }
        String seen = String.join("\n", spy.seen);
        assertThat(seen).doesNotContain(Redaction.MASK);
        for (String where : List.of("counter", "handle", "log", "span-start", "attribute", "event", "adapter-health",
                "check", "bridge-start", "bridge-attribute", "bridge-event")) {
            assertThat(seen).as(where).contains(where + "-" + SECRET);
        }
    }

    private static ObservabilityManager managerWith(Redaction redaction, Spy... spies) {
        ObservabilityManagerBuilder builder = ObservabilityManager.builder()
            .redaction(redaction)
            .healthCheck(HealthCheck.of("database",
                    () -> AdapterHealth.up().withDetail("password", "check-" + SECRET).withDetail("pool", "main")));
        for (Spy spy : spies) {
            DispatchMode mode = spy.name().startsWith("inline") ? DispatchMode.INLINE : DispatchMode.ASYNC;
            builder.adapter(spy, LaneSettings.DEFAULTS.withDispatch(mode));
        }
        return builder.build();
    }

    private static void recordSecretsEverywhere(ObservabilityManager manager) {
        manager.counter("logins", 1, Labels.of("api_key", "counter-" + SECRET, "order", "order-42"));
        manager.counterHandle("logins", Labels.of("X-Api-Key", "handle-" + SECRET)).increment();
        manager.log(LogLevel.WARN, "login", Fields.of("db.password", "log-" + SECRET, "order", "order-42"));
        manager.log(new LogEvent(Instant.now(), LogLevel.ERROR, "bridge", "main", "from a bridge",
                Fields.of("Authorization", "log-Bearer " + SECRET), null, null));
        try (Span span = manager.startSpan("checkout", Fields.of("session_token", "span-start-" + SECRET))) {
            span.attribute("Cookie", "attribute-" + SECRET);
            span.attribute("client-secret", "attribute-" + SECRET);
            span.event("retry", Fields.of("refresh-token", "event-" + SECRET));
            span.status(SpanStatus.OK, null);
        }
        SpanStart bridged = new SpanStart("GET /orders", new SpanContext(SpanContext.randomTraceId(), SpanContext.randomSpanId(), true), null,
                Instant.now(),
                Fields.of("http.request.header.authorization", "bridge-start-" + SECRET));
        manager.recordSpan(bridged, (span) -> {
            span.setAttribute("session.token", "bridge-attribute-" + SECRET);
            span.addEvent("sent", Fields.of("cookie", "bridge-event-" + SECRET), Instant.now());
            span.end(Instant.now());
        }, (adapter) -> true);
    }

    /**
     * An adapter of every signal that writes down, as text, everything it is handed.
     */
    static final class Spy implements MetricsAdapter, TracingAdapter, HealthAdapter, LoggingAdapter {

        final List<String> seen = new CopyOnWriteArrayList<>();

        private final String name;

        Spy(String name) {
            this.name = name;
        }

        @Override
        public String name() {
            return this.name;
        }

        @Override
        public AdapterHealth health() {
            return AdapterHealth.up().withDetail("backend", Map.of("token", "adapter-health-" + SECRET));
        }

        @Override
        public void counter(MetricId metric, double amount) {
            this.seen.add("counter " + metric);
        }

        @Override
        public void gauge(MetricId metric, double value) {
            this.seen.add("gauge " + metric);
        }

        @Override
        public void histogram(MetricId metric, double value) {
            this.seen.add("histogram " + metric);
        }

        @Override
        public void timing(MetricId metric, Duration duration) {
            this.seen.add("timing " + metric);
        }

        @Override
        public void log(LogEvent event) {
            this.seen.add("log " + event);
        }

        @Override
        public void report(HealthReport report) {
            this.seen.add("health " + report);
        }

        @Override
        public AdapterSpan startSpan(SpanStart start) {
            this.seen.add("span " + start);
            return new AdapterSpan() {
                @Override
                public void setAttribute(String key, @Nullable Object value) {
                    Spy.this.seen.add("attribute " + key + "=" + value);
                }

                @Override
                public void addEvent(String eventName, Fields attributes, Instant time) {
                    Spy.this.seen.add("event " + eventName + attributes);
                }

                @Override
                public void end(Instant endTime) {
                    Spy.this.seen.add("end");
                }
            };
        }
    }
}
