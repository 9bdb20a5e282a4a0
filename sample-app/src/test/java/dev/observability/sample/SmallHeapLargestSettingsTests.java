package dev.observability.sample;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample started as a process on a small heap ({@code -Xmx128m}, a loopback port chosen by the server, write
 * access to the {@code observability} endpoint granted): while a client places orders and reads the health, an
 * operator posts the largest value of every setting to several adapters, three times over. Each change is answered
 * 204 (in force) or 503 (the heap has no room for it, nothing changed), never anything else; the application keeps
 * answering every request, prints no {@code OutOfMemoryError}, and stops on SIGTERM with its shutdown summary.
 */
class SmallHeapLargestSettingsTests {

    private static final List<String> ADAPTERS = List.of("audit", "prometheus", "opentelemetry-traces",
            "opentelemetry-logs");

    /** The greatest value of every number and duration setting of a lane, on an async lane. */
    private static final String LARGEST = "{\"dispatch.mode\": \"async\", \"dispatch.queue-capacity\": 1048576, "
            + "\"dispatch.max-delay\": \"1m\", \"circuit-breaker.failure-rate-threshold\": 100, "
            + "\"circuit-breaker.sliding-window-size\": 10000, \"circuit-breaker.minimum-number-of-calls\": 10000, "
            + "\"circuit-breaker.wait-duration-in-open-state\": \"1d\", "
            + "\"circuit-breaker.permitted-number-of-calls-in-half-open-state\": 10000, "
            + "\"circuit-breaker.slow-call-duration-threshold\": \"1d\"}";

    private static final String ORDER = "{\"item\": \"book\", \"quantity\": 1, \"region\": \"eu\"}";

    @Test
    @Timeout(value = 300, unit = TimeUnit.SECONDS)
    void theLargestSettingsOfSeveralAdaptersLeaveTheApplicationAnsweringAndStoppingWithItsSummary(
            @TempDir Path directory) throws Exception {
        String admin = "bounds-admin";
        String password = UUID.randomUUID().toString();
        Path stdout = directory.resolve("stdout.log");
        Path stderr = directory.resolve("stderr.log");
        String classpath = System.getProperty("sample.classes") + File.pathSeparator
                + Files.readString(Path.of(System.getProperty("sample.runtime.classpath"))).trim();
        Process sample = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx128m", "-cp", classpath, SampleApplication.class.getName(), "--server.address=127.0.0.1",
                "--server.port=0", "--management.endpoint.observability.access=unrestricted",
                "--sample.security.admin.username=" + admin, "--sample.security.admin.password=" + password)
            .redirectOutput(stdout.toFile())
            .redirectError(stderr.toFile())
            .start();
        Load load = null;
        try {
            String base = "http://127.0.0.1:" + SampleClient.awaitPort(sample, stdout);
            load = new Load(base);
            load.start();
            List<Integer> changes = new ArrayList<>();
            for (int round = 0; round < 3; round++) {
                for (String adapter : ADAPTERS) {
                    int status = SampleClient.post(base + "/actuator/observability/" + adapter, LARGEST, admin,
                            password).status();
                    changes.add(status);
                    assertThat(windowInForce(base, adapter)).as("%s after %d: all or nothing", adapter, status)
                        .isEqualTo((status == 204) ? 10000 : configuredWindow(base, adapter));
                }
            }
            System.out.println("answers to the largest settings of " + ADAPTERS + ", three rounds: " + changes);
            assertThat(changes).as("answers to the largest settings").containsOnly(204, 503).contains(204);
            assertThat(SampleClient.get(base + "/actuator/health").status()).isEqualTo(200);
            assertThat(SampleClient.post(base + "/orders", ORDER).status()).isEqualTo(201);
            load.stop();
            assertThat(load.failures()).as("requests not answered, or answered 5xx, under load").isEmpty();
            assertThat(load.answered()).as("requests answered under load").isPositive();
            sample.destroy();
            assertThat(sample.waitFor(60, TimeUnit.SECONDS)).as("stopped within 60 s of SIGTERM").isTrue();
        }
        finally {
            if (load != null) {
                load.stop();
            }
            sample.destroyForcibly();
        }
        String output = Files.readString(stdout, StandardCharsets.UTF_8) + Files.readString(stderr, StandardCharsets.UTF_8);
        assertThat(output).doesNotContain("OutOfMemoryError");
        assertThat(SampleClient.jsonLinesWithMessage(output, "Observability stopped: ")).as("the shutdown summary")
            .hasSize(1);
    }

    private static int windowInForce(String base, String adapter) throws IOException, InterruptedException {
        return window(base, adapter).path("effective").asInt();
    }

    private static int configuredWindow(String base, String adapter) throws IOException, InterruptedException {
        return window(base, adapter).path("configured").asInt();
    }

    private static JsonNode window(String base, String adapter) throws IOException, InterruptedException {
        return SampleClient.get(base + "/actuator/observability/" + adapter).body().path("settings")
            .path("circuit-breaker.sliding-window-size");
    }


    /** A client that places orders and reads the health in a loop, and keeps what went wrong. */
    private static final class Load {

        private final String base;

        private final AtomicBoolean running = new AtomicBoolean(true);

        private final List<String> failures = new CopyOnWriteArrayList<>();

        private final List<Integer> answers = new CopyOnWriteArrayList<>();

        private final Thread thread = new Thread(this::run, "small-heap-load");

        Load(String base) {
            this.base = base;
        }

        void start() {
            this.thread.start();
        }

        void stop() throws InterruptedException {
            this.running.set(false);
            this.thread.join(TimeUnit.SECONDS.toMillis(60));
        }

        List<String> failures() {
            return this.failures;
        }

        int answered() {
            return this.answers.size();
        }

        private void run() {
            while (this.running.get()) {
                answer("POST /orders", () -> SampleClient.post(this.base + "/orders", ORDER).status());
                answer("GET /actuator/health", () -> SampleClient.get(this.base + "/actuator/health").status());
            }
        }

        private void answer(String request, Call call) {
            try {
                int status = call.status();
                this.answers.add(status);
                if (status >= 500) {
                    this.failures.add(request + " answered " + status);
                }
            }
            catch (IOException ex) {
                this.failures.add(request + ": " + ex);
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                this.running.set(false);
            }
        }
    }

    /** One request: its status code. */
    @FunctionalInterface
    private interface Call {

        int status() throws IOException, InterruptedException;
    }
}
