package dev.observability.sample;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample started as a process, as the README runs it (its main class on its own runtime classpath, embedded
 * defaults, a loopback port chosen by the server), serves a request and stops on SIGTERM: every line its console
 * prints is one of the starter's JSON lines, from the first start-up line to the shutdown summary (Boot prints no
 * banner while its console has a structured format).
 */
class ConsoleIsJsonTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    @Timeout(value = 180, unit = TimeUnit.SECONDS)
    void everyLineIsAJsonLineFromTheFirstStartUpLineToTheShutdownSummary(@TempDir Path directory)
            throws Exception {
        Path stdout = directory.resolve("stdout.log");
        String classpath = System.getProperty("sample.classes") + File.pathSeparator
                + Files.readString(Path.of(System.getProperty("sample.runtime.classpath"))).trim();
        Process sample = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                classpath, SampleApplication.class.getName(), "--server.address=127.0.0.1", "--server.port=0")
            .redirectOutput(stdout.toFile())
            .redirectError(directory.resolve("stderr.log").toFile())
            .start();
        try {
            int port = SampleClient.awaitPort(sample, stdout);
            SampleClient.Answer placed = SampleClient.post("http://127.0.0.1:" + port + "/orders",
                    "{\"item\": \"book\", \"quantity\": 2, \"region\": \"eu\"}");
            assertThat(placed.status()).isEqualTo(201);
            sample.destroy();
            assertThat(sample.waitFor(60, TimeUnit.SECONDS)).as("stopped within 60 s of SIGTERM").isTrue();
        }
        finally {
            sample.destroyForcibly();
        }
        List<String> lines = Files.readAllLines(stdout, StandardCharsets.UTF_8);
        assertThat(lines).isNotEmpty();
        List<JsonNode> json = new ArrayList<>();
        for (String line : lines) {
            JsonNode parsed = JSON.readTree(line);
            assertThat(parsed.propertyNames()).as(line).startsWith("timestamp", "level", "logger", "thread", "message");
            json.add(parsed);
        }
        assertThat(json.get(0).get("message").asString()).startsWith("Starting SampleApplication");
        assertThat(json.get(json.size() - 1).get("message").asString()).startsWith("Observability stopped: ");
        assertThat(json).anySatisfy((line) -> assertThat(line.has("trace_id")).isTrue());
    }
}
