package dev.observability.fleet;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** HTTP on loopback as the fleet test sends it: GET and POST, answers read as JSON. */
final class FleetHttp {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    private FleetHttp() {
    }

    /**
     * @param url a loopback URL
     * @return the answer
     * @throws IOException when the server cannot be reached
     * @throws InterruptedException when interrupted while waiting
     */
    static Answer get(String url) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(url)).timeout(TIMEOUT).GET().build());
    }

    /**
     * @param url a loopback URL
     * @return the answer to a POST with no body
     * @throws IOException when the server cannot be reached
     * @throws InterruptedException when interrupted while waiting
     */
    static Answer post(String url) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(url)).timeout(TIMEOUT)
            .POST(HttpRequest.BodyPublishers.noBody())
            .build());
    }

    /**
     * @param url a loopback URL
     * @param json the request's JSON body
     * @return the answer to a POST of it
     * @throws IOException when the server cannot be reached
     * @throws InterruptedException when interrupted while waiting
     */
    static Answer post(String url, String json) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(url)).timeout(TIMEOUT)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json))
            .build());
    }

    private static Answer send(HttpRequest request) throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        return new Answer(response.statusCode(), response.body());
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
     * An HTTP answer.
     *
     * @param status the status code
     * @param body the body as text
     */
    record Answer(int status, String body) {

        /** @return the body read as JSON */
        JsonNode json() {
            return JSON.readTree(this.body);
        }
    }
}
