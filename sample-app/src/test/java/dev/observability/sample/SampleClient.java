package dev.observability.sample;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What the sample's end-to-end tests do from outside: HTTP calls on loopback, waiting for the port of the sample
 * started as a process, and reading the JSON log lines the application printed.
 */
final class SampleClient {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final Pattern PORT = Pattern.compile("Tomcat started on port (\\d+)");

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** How long a sample started as a process may take to print its port, on a loaded 2-core machine. */
    static final Duration PORT_DEADLINE = Duration.ofSeconds(90);

    private SampleClient() {
    }

    /**
     * @param url a loopback URL
     * @return the status code and parsed JSON body
     */
    static Answer get(String url) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(20)).GET().build());
    }

    /**
     * @param url a loopback URL
     * @param json the request body
     * @return the status code and parsed JSON body
     */
    static Answer post(String url, String json) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(20))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json))
            .build());
    }

    /**
     * @param url a loopback URL
     * @param json the request body
     * @param user a user name, sent with HTTP Basic
     * @param password the user's password
     * @return the status code and parsed JSON body
     */
    static Answer post(String url, String json, String user, String password)
            throws IOException, InterruptedException {
        String credentials = Base64.getEncoder()
            .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        return send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(20))
            .header("Content-Type", "application/json")
            .header("Authorization", "Basic " + credentials)
            .POST(HttpRequest.BodyPublishers.ofString(json))
            .build());
    }

    /**
     * @param url a loopback URL
     * @return the body as text, such as a Prometheus scrape
     */
    static String text(String url) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(20)).GET().build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }

    private static Answer send(HttpRequest request) throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        String body = response.body();
        return new Answer(response.statusCode(), body.isBlank() ? JSON.nullNode() : JSON.readTree(body));
    }

    /**
     * Waits, for at most {@link #PORT_DEADLINE}, until the sample started as a process prints the port its server
     * listens on; fails at once when the process ends first.
     * @param sample the sample's process
     * @param stdout where its standard output goes
     * @return the port
     */
    static int awaitPort(Process sample, Path stdout) {
        return await("the sample's server port").atMost(PORT_DEADLINE)
            .pollInterval(Duration.ofMillis(200))
            .until(() -> printedPort(sample, stdout), OptionalInt::isPresent)
            .getAsInt();
    }

    private static OptionalInt printedPort(Process sample, Path stdout) throws IOException {
        assertThat(sample.isAlive()).as("the sample is running").isTrue();
        Matcher port = PORT.matcher(Files.readString(stdout, StandardCharsets.UTF_8));
        return port.find() ? OptionalInt.of(Integer.parseInt(port.group(1))) : OptionalInt.empty();
    }

    /** @return a port free on 127.0.0.1 right now */
    static int freeLoopbackPort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    /**
     * @param output what the application printed
     * @return its JSON log lines, parsed
     */
    static List<JsonNode> jsonLines(String output) {
        return Arrays.stream(output.split("\\R"))
            .filter((line) -> line.startsWith("{") && line.contains("\"message\""))
            .map(JSON::readTree)
            .toList();
    }

    /**
     * @param output what the application printed
     * @param messageStart how the message starts
     * @return the JSON log lines whose message starts so
     */
    static List<JsonNode> jsonLinesWithMessage(String output, String messageStart) {
        return jsonLines(output).stream().filter((line) -> line.path("message").asString().startsWith(messageStart))
            .toList();
    }

    /**
     * An HTTP answer.
     *
     * @param status the status code
     * @param body the JSON body
     */
    record Answer(int status, JsonNode body) {
    }
}
