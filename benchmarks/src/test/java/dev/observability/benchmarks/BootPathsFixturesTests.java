package dev.observability.benchmarks;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

import dev.observability.autoconfigure.bridge.micrometer.MicrometerBridgeRegistry;
import dev.observability.autoconfigure.bridge.observation.ObservationBridgeHandler;
import dev.observability.core.ObservabilityManager;
import dev.observability.core.spi.AdapterSnapshot;
import dev.observability.core.spi.DispatchMode;
import dev.observability.core.spi.Signal;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Boot's paths measure what applications run only if the application is the one they claim: these tests check that
 * without the starter the path is Boot's alone, and that with it each event reaches the custom adapter's ASYNC lane
 * through the bridge the auto-configuration made.
 */
class BootPathsFixturesTests {

    @Test
    void withoutTheStarterTheTimerIsPrometheusAlone() {
        try (BootApplication application = BootApplication.start("boot")) {
            assertThat(application.bean(MeterRegistry.class)).isInstanceOf(PrometheusMeterRegistry.class);
            assertThat(application.context.getBeanNamesForType(ObservabilityManager.class)).isEmpty();
        }
    }

    @Test
    void theCompositeVariantRecordsThroughBootsCompositeWithoutTheStarter() {
        try (BootApplication application = BootApplication.start("composite")) {
            MeterRegistry registry = application.bean(MeterRegistry.class);
            assertThat(registry).isInstanceOf(CompositeMeterRegistry.class);
            assertThat(((CompositeMeterRegistry) registry).getRegistries()).hasSize(2)
                .hasAtLeastOneElementOfType(PrometheusMeterRegistry.class)
                .hasAtLeastOneElementOfType(SimpleMeterRegistry.class);
            assertThat(application.context.getBeanNamesForType(ObservabilityManager.class)).isEmpty();
        }
    }

    @Test
    void theCompositeVariantTimesAnObservationInBothRegistriesWithoutTheBridge() {
        try (BootApplication application = BootApplication.start("composite")) {
            BootObservationBenchmark.observe(application.bean(ObservationRegistry.class));
            assertThat(application.bean(PrometheusMeterRegistry.class)
                .find(BootObservationBenchmark.NAME).timer().count()).isOne();
            assertThat(application.bean(SimpleMeterRegistry.class)
                .find(BootObservationBenchmark.NAME).timer().count()).isOne();
            assertThat(application.context.getBeanNamesForType(ObservationBridgeHandler.class)).isEmpty();
        }
    }

    @Test
    void onItsDefaultsTheStarterLeavesBootsRegistryAndObservationsAsTheyAre() {
        try (BootApplication application = BootApplication.start("defaults")) {
            assertThat(application.bean(MeterRegistry.class)).isInstanceOf(PrometheusMeterRegistry.class);
            assertThat(application.context.getBeanNamesForType(MicrometerBridgeRegistry.class)).isEmpty();
            assertThat(application.bean(ObservabilityManager.class).controls()
                .adapters()).extracting(AdapterSnapshot::name)
                .containsExactly("prometheus");
            assertThat(application.bean(ObservationBridgeHandler.class).supportsContext(new Observation.Context()))
                .isFalse();
        }
    }

    @Test
    void withTheStarterTheTimerReachesPrometheusAndTheCustomAdaptersAsyncLane() {
        try (BootApplication application = BootApplication.start("starter")) {
            MeterRegistry registry = application.bean(MeterRegistry.class);
            assertThat(registry).isInstanceOf(CompositeMeterRegistry.class);
            assertThat(((CompositeMeterRegistry) registry).getRegistries())
                .hasAtLeastOneElementOfType(PrometheusMeterRegistry.class)
                .hasAtLeastOneElementOfType(MicrometerBridgeRegistry.class);
            ObservabilityManager manager = application.bean(ObservabilityManager.class);
            assertThat(manager.controls()
                .adapter(CustomAdapter.NAME).orElseThrow().dispatch()).isEqualTo(DispatchMode.ASYNC);
            LongSupplier delivered = delivered(application, Signal.METRICS);
            long before = delivered.getAsLong();
            registry.timer(BootTimerBenchmark.NAME, BootTimerBenchmark.TAGS).record(5, TimeUnit.MILLISECONDS);
            awaitAtLeast(delivered, before + 1);
            assertThat(application.bean(PrometheusMeterRegistry.class)
                .find(BootTimerBenchmark.NAME).tags(BootTimerBenchmark.TAGS).timer().count()).isOne();
        }
    }

    @Test
    void withTheStarterAnObservationReachesTheCustomAdapterAsASpan() {
        try (BootApplication application = BootApplication.start("starter")) {
            assertThat(application.bean(ObservationBridgeHandler.class)).isNotNull();
            LongSupplier spans = delivered(application, Signal.TRACING);
            BootObservationBenchmark.observe(application.bean(ObservationRegistry.class));
            awaitAtLeast(spans, 1);
        }
    }

    @Test
    void withTheStarterALogLineIsWrittenOnTheConsoleAndReachesTheCustomAdapter() {
        try (BootApplication application = BootApplication.start("starter", BootLogBenchmark.JSON_CONSOLE)) {
            ByteArrayOutputStream console = new ByteArrayOutputStream();
            BootLogBenchmark.redirectConsole(console);
            logOnceAndAwaitTheCustomAdapter(application);
            assertThat(console.toString(StandardCharsets.UTF_8)).startsWith("{").containsOnlyOnce("\n")
                .contains("\"order\":7", "\"region\":\"eu-west\"", "\"amount\":129.5");
        }
    }

    @Test
    void theReadingConsoleTakesTheConsolesPlaceAndTheBridgeStillReceivesEachEvent() {
        try (BootApplication application = BootApplication.start("starter", BootLogBenchmark.JSON_CONSOLE)) {
            BootLogBenchmark.replaceConsole(new BootLogBenchmark.ReadingAppender());
            ch.qos.logback.classic.Logger root = ((ch.qos.logback.classic.LoggerContext) LoggerFactory
                .getILoggerFactory()).getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
            java.util.List<String> appenders = new java.util.ArrayList<>();
            root.iteratorForAppenders().forEachRemaining((appender) -> appenders.add(appender.getClass().getSimpleName()));
            assertThat(appenders).containsExactly("ReadingAppender", "LogbackBridgeAppender");
            logOnceAndAwaitTheCustomAdapter(application);
        }
    }

    @Test
    void withoutTheStarterTheLogLineIsTheSameJsonLineOnTheConsole() {
        try (BootApplication application = BootApplication.start("boot", BootLogBenchmark.JSON_CONSOLE)) {
            ByteArrayOutputStream console = new ByteArrayOutputStream();
            BootLogBenchmark.redirectConsole(console);
            BootLogBenchmark.log(LoggerFactory.getLogger(BootApplication.LOGGER), 7);
            assertThat(console.toString(StandardCharsets.UTF_8)).startsWith("{").containsOnlyOnce("\n")
                .contains("\"order\":7", "\"region\":\"eu-west\"", "\"amount\":129.5");
            assertThat(application.context.getBeanNamesForType(ObservabilityManager.class)).isEmpty();
        }
    }

    /** @return the events of the signal the custom adapter's lane has delivered so far */
    private static LongSupplier delivered(BootApplication application, Signal signal) {
        ObservabilityManager manager = application.bean(ObservabilityManager.class);
        return () -> manager.controls().adapter(CustomAdapter.NAME).orElseThrow().counts().get(signal).delivered();
    }

    private static void logOnceAndAwaitTheCustomAdapter(BootApplication application) {
        LongSupplier logs = delivered(application, Signal.LOGGING);
        long before = logs.getAsLong();
        BootLogBenchmark.log(LoggerFactory.getLogger(BootApplication.LOGGER), 7);
        awaitAtLeast(logs, before + 1);
    }

    private static void awaitAtLeast(LongSupplier count, long expected) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (count.getAsLong() < expected && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        assertThat(count.getAsLong()).isGreaterThanOrEqualTo(expected);
    }
}
