package dev.observability.autoconfigure.logging;

import java.io.BufferedOutputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import dev.observability.autoconfigure.ObservabilityAutoConfiguration;
import dev.observability.autoconfigure.bridge.logback.LogbackBridgeAutoConfiguration;
import dev.observability.core.ObservabilityManager;
import dev.observability.core.spi.LogEvent;
import dev.observability.core.spi.LoggingAdapter;
import dev.observability.core.spi.Signal;
import dev.observability.core.spi.SignalCounts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Boot's console is the log of last resort: eight threads log 200,000 lines as fast as they can while one custom
 * logging adapter hangs and another throws, and the console (standard output redirected to a file) has every line,
 * once, each valid JSON, in each thread's order; the two adapters' accounts add up exactly.
 */
class NoLineLostTests {

    private static final int THREADS = 8;

    private static final int LINES_PER_THREAD = 25_000;

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final Logger BURST = LoggerFactory.getLogger("burst");

    @Test
    @Timeout(value = 180, unit = TimeUnit.SECONDS)
    void everyLineReachesTheConsoleOnceInOrderWhileAnAdapterHangsAndAnotherThrows(@TempDir Path directory)
            throws Exception {
        Path console = directory.resolve("stdout.log");
        PrintStream stdout = System.out;
        Map<String, Long> delta = new HashMap<>();
        try (PrintStream file = new PrintStream(new BufferedOutputStream(new FileOutputStream(console.toFile())), false,
                StandardCharsets.UTF_8)) {
            System.setOut(file);
            try (ConfigurableApplicationContext context = BootConsoleTests.start(Application.class,
                    "observability.dispatch.failure-log-interval=10m")) {
                ObservabilityManager manager = context.getBean(ObservabilityManager.class);
                awaitTheThrowingAdaptersOneReport(manager);
                Map<String, Long> before = submitted(manager);
                BURST.info("burst start");
                logFromEightThreads();
                BURST.info("burst end");
                await().atMost(Duration.ofSeconds(30))
                    .until(() -> manager.controls()
                        .lane("throwing").orElseThrow().counts(Signal.LOGGING).pending() == 0);
                submitted(manager).forEach((name, count) -> delta.put(name, count - before.get(name)));
                context.getBean(Hanging.class).release.countDown();
                await().atMost(Duration.ofSeconds(30))
                    .until(() -> manager.controls()
                        .lane("hanging").orElseThrow().counts(Signal.LOGGING).pending() == 0);
                for (String name : List.of("hanging", "throwing")) {
                    SignalCounts counts = manager.controls().lane(name).orElseThrow().counts(Signal.LOGGING);
                    assertThat(counts.submitted()).as("%s: %s", name, counts)
                        .isEqualTo(counts.delivered() + counts.failed() + counts.dropped()
                                + counts.rejectedCircuitOpen() + counts.rejectedDisabled()
                                + counts.rejectedReentrant() + counts.pending());
                }
            }
            finally {
                System.setOut(stdout);
            }
        }
        List<String> lines = Files.readAllLines(console, StandardCharsets.UTF_8);
        List<JsonNode> json = new ArrayList<>();
        for (String line : lines) {
            json.add(JSON.readTree(line));
        }
        int start = indexOf(json, "burst start");
        int end = indexOf(json, "burst end");
        assertThat(end - start + 1).as("the markers and the lines between them")
            .isEqualTo(THREADS * LINES_PER_THREAD + 2);
        assertThat(delta).as("each adapter was handed every line between the markers, once")
            .containsEntry("hanging", (long) (end - start + 1))
            .containsEntry("throwing", (long) (end - start + 1));
        int[] next = new int[THREADS];
        long burstLines = 0;
        for (JsonNode line : json) {
            if (line.get("logger").asString().equals("burst") && line.has("fields")) {
                int thread = line.get("fields").get("producer").asInt();
                assertThat(line.get("fields").get("seq").asInt()).as("producer %d's order", thread)
                    .isEqualTo(next[thread]++);
                burstLines++;
            }
        }
        assertThat(burstLines).isEqualTo((long) THREADS * LINES_PER_THREAD);
        assertThat(next).containsOnly(LINES_PER_THREAD);
    }

    /**
     * The throwing adapter fails on the first line it gets (a start-up line) and reports it at once, then not again
     * for 10 minutes: once that report has reached both lanes (refused by the failing one, queued on the other) and
     * both were handed the same lines, nothing but the test's own lines enters them until the test has counted.
     */
    private static void awaitTheThrowingAdaptersOneReport(ObservabilityManager manager) {
        BURST.info("warm-up");
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            SignalCounts throwing = manager.controls().lane("throwing").orElseThrow().counts(Signal.LOGGING);
            SignalCounts hanging = manager.controls().lane("hanging").orElseThrow().counts(Signal.LOGGING);
            return throwing.rejectedReentrant() == 1 && throwing.pending() == 0
                    && hanging.submitted() == throwing.submitted();
        });
    }

    private static void logFromEightThreads() throws InterruptedException {
        List<Thread> producers = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            int producer = t;
            Thread thread = new Thread(() -> {
                for (int i = 0; i < LINES_PER_THREAD; i++) {
                    BURST.atInfo().addKeyValue("producer", producer).addKeyValue("seq", i).log("line");
                }
            }, "producer-" + t);
            thread.start();
            producers.add(thread);
        }
        for (Thread producer : producers) {
            producer.join(TimeUnit.SECONDS.toMillis(120));
            assertThat(producer.isAlive()).as("%s still logging after 120 s", producer.getName()).isFalse();
        }
    }

    private static int indexOf(List<JsonNode> lines, String message) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).get("message").asString().equals(message)) {
                return i;
            }
        }
        throw new AssertionError("no line '" + message + "'");
    }

    private static Map<String, Long> submitted(ObservabilityManager manager) {
        Map<String, Long> submitted = new HashMap<>();
        for (String name : List.of("hanging", "throwing")) {
            submitted.put(name, manager.controls().lane(name).orElseThrow().counts(Signal.LOGGING).submitted());
        }
        return submitted;
    }

    @Configuration(proxyBeanMethods = false)
    @ImportAutoConfiguration({ ObservabilityAutoConfiguration.class, LogbackBridgeAutoConfiguration.class })
    static class Application {

        @Bean
        Hanging hanging() {
            return new Hanging();
        }

        @Bean
        LoggingAdapter throwing() {
            return new ThrowingLoggingAdapter();
        }
    }

    /** A custom logging adapter whose first call hangs until the test releases it. */
    static final class Hanging implements LoggingAdapter {

        final CountDownLatch release = new CountDownLatch(1);

        @Override
        public String name() {
            return "hanging";
        }

        @Override
        public void log(LogEvent event) {
            try {
                this.release.await();
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
