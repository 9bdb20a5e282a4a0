package dev.observability.autoconfigure.reliability;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.observability.core.ObservabilityManager;
import dev.observability.core.chaos.Backend;
import dev.observability.core.chaos.ChaosAdapter;
import dev.observability.core.chaos.HangGate;
import dev.observability.core.spi.LogEvent;
import dev.observability.core.spi.LoggingAdapter;
import dev.observability.core.spi.MetricId;
import dev.observability.core.spi.MetricsAdapter;
import dev.observability.core.spi.Signal;
import dev.observability.core.spi.SignalCounts;
import io.micrometer.core.instrument.Measurement;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Statistic;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.Banner;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A Spring Boot application with two healthy custom adapters (one on an ASYNC lane, the default, one INLINE) beside
 * one that throws and one that hangs. The throwing adapter's failures are reported in the log on its lane's thread;
 * Boot counts each such line in {@code logback.events}, and the Logback and Micrometer bridges hand the line and the
 * count to the adapters. Each healthy adapter receives both for every line, refuses nothing, and its account is
 * exact; the throwing adapter never receives its own reports.
 */
class HealthyBesideBrokenAdaptersTests {

    private static final Logger ORDERS = LoggerFactory.getLogger("com.example.Orders");

    private static final String REPORT = "Observability adapter 'throwing' failed";

    @Test
    void eachHealthyAdapterReceivesEveryEventIncludingBootsCountOfTheFailureReports() {
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(Application.class)
            .web(WebApplicationType.NONE)
            .bannerMode(Banner.Mode.OFF)
            .properties("observability.dispatch.failure-log-interval=1s",
                    "observability.metrics.micrometer-bridge.sample-interval=1s",
                    "observability.adapters.healthy-inline.dispatch.mode=inline",
                    "observability.adapters.throwing.circuit-breaker.sliding-window-size=1000",
                    "observability.adapters.throwing.circuit-breaker.minimum-number-of-calls=1000",
                    "management.otlp.metrics.export.enabled=false")
            .run()) {
            ObservabilityManager manager = context.getBean(ObservabilityManager.class);
            List<Healthy> healthy = List.copyOf(context.getBeansOfType(Healthy.class).values());
            Backend throwing = context.getBean(Backend.class);
            // a function counter from Micrometer 1.17 (Boot 4.1), a counter before: read either by its count
            Meter bootsWarnings = context.getBean(MeterRegistry.class).get("logback.events")
                .tag("level", "warn")
                .meter();
            ORDERS.info("started");
            await().atMost(Duration.ofSeconds(10)).until(() -> settled(manager, "healthy"));
            double warningsBefore = count(bootsWarnings);
            Map<String, Double> countedBefore = new HashMap<>();
            healthy.forEach((adapter) -> countedBefore.put(adapter.name(), adapter.warningsCounted()));
            throwing.setUp(false);
            await().atMost(Duration.ofSeconds(20)).until(() -> {
                ORDERS.info("order placed");
                return healthy.stream().allMatch((adapter) -> adapter.reports() >= 3);
            });
            throwing.setUp(true);
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
                assertThat(settled(manager, "healthy") && settled(manager, "throwing")).isTrue();
                for (Healthy adapter : healthy) {
                    assertThat(adapter.warningsCounted() - countedBefore.get(adapter.name()))
                        .as("%s: logback.events{level=warn} received", adapter.name())
                        .isEqualTo(count(bootsWarnings) - warningsBefore);
                    assertThat(adapter.reports()).as("%s: the failure reports", adapter.name())
                        .isEqualTo(manager.controls()
                            .lane("throwing").orElseThrow().counts(Signal.LOGGING).rejectedReentrant());
                    for (Signal signal : List.of(Signal.METRICS, Signal.LOGGING)) {
                        SignalCounts counts = manager.controls().lane(adapter.name()).orElseThrow().counts(signal);
                        String what = adapter.name() + " " + signal;
                        assertThat(counts.rejectedCircuitOpen() + counts.rejectedDisabled()
                                + counts.rejectedReentrant()).as("%s rejected", what).isZero();
                        assertThat(counts.dropped() + counts.failed()).as("%s dropped and failed", what).isZero();
                        assertThat(counts.submitted()).as("%s identity", what).isEqualTo(counts.delivered());
                        assertThat(adapter.calls(signal)).as("%s calls", what).isEqualTo(counts.delivered());
                    }
                }
            });
            context.getBean(HangGate.class).open();
        }
    }

    private static double count(Meter meter) {
        for (Measurement measurement : meter.measure()) {
            if (measurement.getStatistic() == Statistic.COUNT) {
                return measurement.getValue();
            }
        }
        throw new AssertionError(meter.getId() + " has no count");
    }

    private static boolean settled(ObservabilityManager manager, String name) {
        return manager.controls().lane(name).orElseThrow().counts(Signal.METRICS).pending() == 0
                && manager.controls().lane(name).orElseThrow().counts(Signal.LOGGING).pending() == 0;
    }

    @SpringBootConfiguration(proxyBeanMethods = false)
    @EnableAutoConfiguration
    static class Application {

        @Bean
        Healthy healthy() {
            return new Healthy("healthy");
        }

        @Bean
        Healthy healthyInline() {
            return new Healthy("healthy-inline");
        }

        @Bean
        Backend backend() {
            return new Backend(true);
        }

        @Bean
        ChaosAdapter throwing(Backend backend) {
            return new ChaosAdapter("throwing", backend);
        }

        @Bean
        HangGate hangGate() {
            return new HangGate(1);
        }

        @Bean
        ChaosAdapter hanging(HangGate hangGate) {
            return new ChaosAdapter("hanging", hangGate);
        }
    }

    /** A healthy custom adapter of metrics and logs that keeps what it receives. */
    static final class Healthy implements MetricsAdapter, LoggingAdapter {

        private final String name;

        private final List<LogEvent> lines = new CopyOnWriteArrayList<>();

        private final List<Recorded> metrics = new CopyOnWriteArrayList<>();

        Healthy(String name) {
            this.name = name;
        }

        @Override
        public String name() {
            return this.name;
        }

        @Override
        public void counter(MetricId metric, double amount) {
            this.metrics.add(new Recorded(metric, amount));
        }

        @Override
        public void gauge(MetricId metric, double value) {
            this.metrics.add(new Recorded(metric, value));
        }

        @Override
        public void histogram(MetricId metric, double value) {
            this.metrics.add(new Recorded(metric, value));
        }

        @Override
        public void timing(MetricId metric, Duration duration) {
            this.metrics.add(new Recorded(metric, duration.toNanos()));
        }

        @Override
        public void log(LogEvent event) {
            this.lines.add(event);
        }

        long calls(Signal signal) {
            return (signal == Signal.LOGGING) ? this.lines.size() : this.metrics.size();
        }

        /** @return the failure reports of the throwing adapter received */
        long reports() {
            return this.lines.stream().filter((line) -> line.message().startsWith(REPORT)).count();
        }

        /** @return the sum of the {@code logback.events{level=warn}} increments received */
        double warningsCounted() {
            return this.metrics.stream()
                .filter((recorded) -> recorded.metric().name().equals("logback.events")
                        && "warn".equals(recorded.metric().labels().get("level")))
                .mapToDouble(Recorded::amount)
                .sum();
        }

        /** One metrics call: the metric and its number. */
        private record Recorded(MetricId metric, double amount) {
        }
    }

}
