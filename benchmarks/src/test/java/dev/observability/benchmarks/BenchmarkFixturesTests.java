package dev.observability.benchmarks;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import dev.observability.autoconfigure.micrometer.MicrometerMetricsAdapter;
import dev.observability.core.ObservabilityManager;
import dev.observability.core.spi.Labels;
import dev.observability.core.adapters.JsonLoggingAdapter;
import dev.observability.core.dispatch.CircuitBreakerFactory;
import dev.observability.core.dispatch.LaneSettings;
import dev.observability.core.spi.DispatchMode;
import dev.observability.core.spi.Fields;
import dev.observability.core.spi.LogLevel;
import dev.observability.core.spi.Signal;
import dev.observability.core.tracing.Span;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The benchmarks measure what they claim only if their set-ups deliver: these tests check that each path really
 * reaches its backend and that both loggers write comparable lines.
 */
class BenchmarkFixturesTests {

    @Test
    void consoleFormatsWriteOneJsonLineEachAndTheStartersIsTheShortest() {
        Map<String, Integer> bytes = new HashMap<>();
        for (String format : new String[] { "starter", "ecs", "logstash" }) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            LoggerContext context = ConsoleFormatBenchmark.console(format, out);
            try {
                ConsoleFormatBenchmark.keyValues(context.getLogger("dev.observability.bench.Orders"), 1000);
            }
            finally {
                context.stop();
            }
            String line = out.toString(StandardCharsets.UTF_8);
            assertThat(line).as(format).endsWith("\n").contains("order placed", "eu-west", "129.5");
            assertThat(line.substring(0, line.length() - 1)).as(format).doesNotContain("\n");
            bytes.put(format, out.size());
        }
        assertThat(bytes.get("starter")).as("bytes per event: %s", bytes).isLessThan(bytes.get("ecs"))
            .isLessThan(bytes.get("logstash"));
    }

    @Test
    void theFloorFormatWritesItsConstantLineForEveryEvent() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        LoggerContext context = ConsoleFormatBenchmark.console("floor", out);
        try {
            ConsoleFormatBenchmark.keyValues(context.getLogger("dev.observability.bench.Orders"), 1000);
            ConsoleFormatBenchmark.keyValues(context.getLogger("dev.observability.bench.Orders"), 1001);
        }
        finally {
            context.stop();
        }
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo(ConstantLineFormatter.LINE + ConstantLineFormatter.LINE);
    }

    @Test
    void managerCounterReachesTheMicrometerRegistry() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        try (ObservabilityManager manager = started(
                ObservabilityManager.builder().adapter(new MicrometerMetricsAdapter("micrometer", registry)).build())) {
            manager.counter(CounterBenchmark.NAME, CounterBenchmark.LABELS);
            manager.counterHandle(CounterBenchmark.NAME, CounterBenchmark.LABELS).increment();
            manager.counter(CounterBenchmark.NAME, Labels.of("method", "GET", "status", "200"));
            assertThat(registry.counter(CounterBenchmark.NAME, CounterBenchmark.TAGS).count()).isEqualTo(3.0);
        }
    }

    @Test
    void managerSpanIsExportedByTheOpenTelemetryAdapter() {
        Discarding.ManagedTracing tracing = new Discarding.ManagedTracing();
        try (Span span = tracing.manager.startSpan(SpanBenchmark.SPAN_NAME)) {
            span.attribute("k", "v");
        }
        tracing.close();
        assertThat(tracing.exports.exported()).isOne();
    }

    @Test
    void eachWayToOtlpLogsExportsOneRecordPerLine() {
        OtlpLogsBenchmark benchmark = new OtlpLogsBenchmark();
        benchmark.setUp();
        try {
            CallerAllocation caller = new CallerAllocation();
            benchmark.bridgePlain(caller);
            benchmark.appenderPlain(caller);
            benchmark.bridgeKeyValues(caller);
            benchmark.appenderKeyValues(caller);
            benchmark.provider.forceFlush().join(10, java.util.concurrent.TimeUnit.SECONDS);
            assertThat(benchmark.exports.handedOver()).isEqualTo(4);
            assertThat(benchmark.exports.exported()).isEqualTo(4);
        }
        finally {
            benchmark.tearDown();
        }
    }

    @Test
    void jsonLoggerWritesOneLineWithTheFieldsAndTheError() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ObservabilityManager manager = started(ObservabilityManager.builder()
            .adapter(new JsonLoggingAdapter(out), LaneSettings.DEFAULTS.withDispatch(DispatchMode.INLINE))
            .build())) {
            manager.log(LogLevel.ERROR, LoggingBenchmark.LOGGER, LoggingBenchmark.MESSAGE,
                    Fields.of("order", 7, "region", "eu-west"), LoggingBenchmark.ERROR);
        }
        String line = out.toString(StandardCharsets.UTF_8);
        assertThat(line).endsWith("\n").containsOnlyOnce("\n").contains("\"order\":7", "\"region\":\"eu-west\"",
                "payment declined", "IllegalStateException");
    }

    @Test
    void logbackEcsWritesOneLineWithTheKeyValuesAndTheError() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        LoggerContext context = LoggingBenchmark.ecsLogback(out);
        Logger logger = context.getLogger(LoggingBenchmark.LOGGER);
        logger.atError().addKeyValue("order", 7).addKeyValue("region", "eu-west").setCause(LoggingBenchmark.ERROR)
            .log(LoggingBenchmark.MESSAGE);
        context.stop();
        String line = out.toString(StandardCharsets.UTF_8);
        assertThat(line).endsWith("\n").containsOnlyOnce("\n").contains("\"ecs\"", "\"order\":7",
                "\"region\":\"eu-west\"", "payment declined", "IllegalStateException");
    }

    @Test
    void hungAdapterFillsItsQueueThenEveryEventIsDropped() {
        CountingMetricsAdapter remote = new CountingMetricsAdapter("remote");
        remote.hang();
        try (ObservabilityManager manager = started(ObservabilityManager.builder()
            .adapter(remote, LaneSettings.DEFAULTS.withQueueCapacity(4))
            .shutdownTimeout(java.time.Duration.ofMillis(50))
            .build())) {
            for (int i = 0; i < 100; i++) {
                manager.counter(CounterBenchmark.NAME, CounterBenchmark.LABELS);
            }
            assertThat(manager.controls()
                .lane("remote").orElseThrow().counts(Signal.METRICS).dropped()).isGreaterThanOrEqualTo(95);
            remote.release();
        }
    }

    @Test
    void forcedOpenBreakerRefusesAndCounts() {
        CircuitBreakerRegistry breakers = CircuitBreakerRegistry.ofDefaults();
        try (ObservabilityManager manager = started(ObservabilityManager.builder()
            .circuitBreakerFactory(CircuitBreakerFactory.of(breakers))
            .adapter(new CountingMetricsAdapter("remote"))
            .build())) {
            breakers.find("remote").orElseThrow().transitionToForcedOpenState();
            manager.counter(CounterBenchmark.NAME, CounterBenchmark.LABELS);
            assertThat(manager.controls()
                .lane("remote").orElseThrow().counts(Signal.METRICS).rejectedCircuitOpen()).isOne();
        }
    }

    @Test
    void pacedProducersTogetherOfferTheTargetRateOnTheirSchedule() {
        assertThat(2L * AsyncLaneBenchmark.PACED_BURST * 1_000_000_000L / AsyncLaneBenchmark.PACED_INTERVAL_NANOS)
            .isEqualTo(AsyncLaneBenchmark.PACED_RATE).isEqualTo(5_000_000L);
        AsyncLaneBenchmark.Schedule schedule = new AsyncLaneBenchmark.Schedule();
        schedule.start();
        long first = schedule.nextBurstAt;
        schedule.awaitNextBurst();
        schedule.awaitNextBurst();
        assertThat(System.nanoTime()).as("the second burst waited for its time").isGreaterThanOrEqualTo(
                first + AsyncLaneBenchmark.PACED_INTERVAL_NANOS);
        assertThat(schedule.nextBurstAt).isEqualTo(first + 2 * AsyncLaneBenchmark.PACED_INTERVAL_NANOS);
    }

    @Test
    void memoryFootprintMeasuresEveryItem() {
        assertThat(MemoryFootprint.measure(100, 300)).hasSize(9).allSatisfy((row) -> assertThat(row.bytesPerItem()).isPositive());
    }

    private static ObservabilityManager started(ObservabilityManager manager) {
        manager.start();
        return manager;
    }
}
