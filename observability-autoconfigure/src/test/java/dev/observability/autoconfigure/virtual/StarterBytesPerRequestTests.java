package dev.observability.autoconfigure.virtual;

import java.io.OutputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.ConsoleAppender;
import dev.observability.autoconfigure.logging.JsonLineStructuredLogFormatter;
import dev.observability.core.chaos.ChaosAdapter;
import dev.observability.core.virtual.ThreadAllocation;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledForJreRange;
import org.junit.jupiter.api.condition.JRE;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.context.annotation.ImportCandidates;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bytes the starter adds to a request, on a new virtual thread per request (as Boot runs requests with
 * {@code spring.threads.virtual.enabled}) against a reused platform thread: a real Spring Boot application (Boot's
 * Prometheus registry, Observation registry and Logback logging, its console writing to a stream that discards)
 * records a request's work as Boot's web server would, with the starter and without it (its auto-configurations
 * excluded), and the starter's bytes are the difference. Both consoles write the starter's JSON lines (named as an
 * application would without the starter), so the difference is the bridges' and the lanes' (a JSON line on each
 * kind of thread is measured in the core's {@code VirtualThreadAllocationTests}). Boot's OpenTelemetry, on the test
 * class path, is switched off, as in an application without it. The starter's mean bytes per request (those of its
 * lanes' workers included) spread from run to run by more than a tenth of themselves, so what a request allocates
 * more on a new virtual thread than on a reused platform thread is measured as the difference of the least bytes
 * any one request allocated on each (while no other thread allocated: exact where a request's bytes do not vary),
 * and bounded at a tenth of the mean. What the starter keeps per thread is also measured exactly, as what a new
 * thread's first request allocates beyond its second, and bounded alike.
 */
@EnabledForJreRange(min = JRE.JAVA_21)
class StarterBytesPerRequestTests {

    private static final int CALLS = 20_000;

    private static final int MEASUREMENTS = 3;

    private static final double FEW_BYTES = 16;

    /** The logger the requests write to, the only one at INFO. */
    private static final String LOGGER = "orders";

    private final ThreadAllocation allocation = new ThreadAllocation(CALLS, MEASUREMENTS);

    @Test
    void starterOnItsDefaultsCostsANewVirtualThreadWhatItCostsAReusedPlatformThread() throws Exception {
        assertStarterCost(Plain.class);
    }

    @Test
    void starterWithACustomAdapterCostsANewVirtualThreadWhatItCostsAReusedPlatformThread() throws Exception {
        assertStarterCost(WithCustomAdapter.class);
    }

    private void assertStarterCost(Class<?> application) throws Exception {
        Figures without = measure(application, false);
        Figures with = measure(application, true);
        Figures starter = with.minus(without);
        System.out.printf("%s: bytes per request on a reused platform thread and on new virtual threads: without the "
                + "starter %s, with it %s, the starter's %s%n", application.getSimpleName(), without, with, starter);
        double tolerance = Math.max(FEW_BYTES, starter.platform / 10);
        assertThat((double) (starter.leastVirtual - starter.leastPlatform))
            .as("the starter's bytes of a request on a new virtual thread beyond a reused platform thread's (the "
                    + "least of each; its mean bytes per request on a platform thread: %.1f)", starter.platform)
            .isBetween(-tolerance, tolerance);
        assertThat(starter.newThreadExtra).as("the starter's bytes of a new thread's first request beyond its second")
            .isLessThanOrEqualTo(tolerance);
    }

    /**
     * The bytes per request of one application.
     * @param platform the mean on a reused platform thread
     * @param virtual the mean on new virtual threads
     * @param leastPlatform the least of a request on a reused platform thread
     * @param leastVirtual the least of a request on a new virtual thread
     * @param newThreadExtra what a new virtual thread's first request allocates beyond its second
     */
    private record Figures(double platform, double virtual, long leastPlatform, long leastVirtual,
            double newThreadExtra) {

        Figures minus(Figures other) {
            return new Figures(this.platform - other.platform, this.virtual - other.virtual,
                    this.leastPlatform - other.leastPlatform, this.leastVirtual - other.leastVirtual,
                    this.newThreadExtra - other.newThreadExtra);
        }

        @Override
        public String toString() {
            return String.format("mean %.1f and %.1f, least %d and %d, new thread %.1f", this.platform, this.virtual,
                    this.leastPlatform, this.leastVirtual, this.newThreadExtra);
        }
    }

    private Figures measure(Class<?> application, boolean withStarter) throws Exception {
        try (ConfigurableApplicationContext context = start(application, withStarter)) {
            discardConsole();
            assertThat(LoggerFactory.getLogger(LOGGER).isInfoEnabled()).as("the requests' logger writes at INFO")
                .isTrue();
            Runnable request = request(context.getBean(ObservationRegistry.class),
                    context.getBean(MeterRegistry.class));
            return new Figures(this.allocation.onReusedPlatformThread(request),
                    this.allocation.onNewVirtualThreads(request), this.allocation.leastOnReusedPlatformThread(request),
                    this.allocation.leastOnNewVirtualThreads(request),
                    this.allocation.firstCallExtraOnNewVirtualThreads(request));
        }
    }

    /**
     * @return what Boot's web server records for a request, and what the request's code does: the
     * {@code http.server.requests} Observation around a log line with key-values and a timer's record
     */
    private static Runnable request(ObservationRegistry observations, MeterRegistry meters) {
        Logger logger = LoggerFactory.getLogger(LOGGER);
        Timer timer = Timer.builder("orders.lookup").register(meters);
        return () -> Observation.createNotStarted("http.server.requests", observations)
            .lowCardinalityKeyValue("method", "GET")
            .lowCardinalityKeyValue("uri", "/orders/{id}")
            .observe(() -> {
                logger.atInfo().addKeyValue("order", "A-1").addKeyValue("region", "eu-west").log("order found");
                timer.record(() -> {
                });
            });
    }

    private static ConfigurableApplicationContext start(Class<?> application, boolean withStarter) {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("spring.main.banner-mode", "off");
        properties.put("logging.level.root", "warn");
        properties.put("logging.level." + LOGGER, "info");
        properties.put("logging.structured.format.console", JsonLineStructuredLogFormatter.class.getName());
        properties.put("management.opentelemetry.enabled", "false");
        properties.put("management.tracing.enabled", "false");
        properties.put("management.otlp.metrics.export.enabled", "false");
        properties.put("observability.opentelemetry.enabled", "false");
        if (!withStarter) {
            properties.put("spring.autoconfigure.exclude", starterAutoConfigurations());
        }
        SpringApplication springApplication = new SpringApplication(application);
        springApplication.setWebApplicationType(WebApplicationType.NONE);
        springApplication.setDefaultProperties(properties);
        return springApplication.run();
    }

    /** @return the starter's auto-configurations, as its jar lists them */
    private static String starterAutoConfigurations() {
        return ImportCandidates.load(AutoConfiguration.class, StarterBytesPerRequestTests.class.getClassLoader())
            .getCandidates()
            .stream()
            .filter((name) -> name.startsWith("dev.observability."))
            .collect(Collectors.joining(","));
    }

    /** Points Boot's console appender at a stream that discards, so the requests' lines cost what they cost. */
    @SuppressWarnings("unchecked")
    private static void discardConsole() {
        ch.qos.logback.classic.Logger root = ((LoggerContext) LoggerFactory.getILoggerFactory())
            .getLogger(Logger.ROOT_LOGGER_NAME);
        List<Appender<ILoggingEvent>> appenders = new ArrayList<>();
        root.iteratorForAppenders().forEachRemaining(appenders::add);
        ConsoleAppender<ILoggingEvent> console = appenders.stream()
            .filter((appender) -> "CONSOLE".equals(appender.getName()) && appender instanceof ConsoleAppender)
            .map((appender) -> (ConsoleAppender<ILoggingEvent>) appender)
            .findFirst()
            .orElseThrow(() -> new IllegalStateException("Boot's CONSOLE appender not found on the root logger"));
        console.setOutputStream(OutputStream.nullOutputStream());
    }

    /** The application on the starter's defaults (or, its auto-configurations excluded, without the starter). */
    @Configuration(proxyBeanMethods = false)
    @EnableAutoConfiguration
    static class Plain {

    }

    /** The application with a custom adapter of every signal on its default (ASYNC) lane, fed by the bridges. */
    @Configuration(proxyBeanMethods = false)
    @EnableAutoConfiguration
    static class WithCustomAdapter {

        @Bean
        ChaosAdapter custom() {
            return new ChaosAdapter("custom", ChaosAdapter.healthy());
        }
    }
}
