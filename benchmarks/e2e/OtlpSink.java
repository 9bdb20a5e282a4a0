import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.LongAdder;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * The end-to-end benchmark's OTLP/HTTP receiver: on a free loopback port, it accepts every export to {@code /v1/traces},
 * {@code /v1/metrics} and {@code /v1/logs}, reads and discards its body and answers 200 with an empty protobuf
 * response, counting the requests and bytes of each signal; {@code GET /counts} answers one line per signal,
 * {@code <signal> <requests> <bytes>}. It prints {@code listening on <port>} once ready and runs until stopped.
 * The project's test receivers decode and keep every request for tests to assert on; under a benchmark's load that
 * would grow without bound and cost CPU, so this one keeps nothing but the counts, on a pool of its own.
 * Run from source ({@code java benchmarks/e2e/OtlpSink.java}), as {@code run.sh} does, so it needs no build.
 */
public final class OtlpSink {

    private static final String[] SIGNALS = { "traces", "metrics", "logs" };

    private OtlpSink() {
    }

    /**
     * Starts the receiver.
     * @param args none
     * @throws IOException if no loopback port can be bound
     */
    public static void main(String[] args) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        Map<String, Received> received = new LinkedHashMap<>();
        for (String signal : SIGNALS) {
            Received counts = new Received();
            received.put(signal, counts);
            server.createContext("/v1/" + signal, (exchange) -> accept(exchange, counts));
        }
        server.createContext("/counts", (exchange) -> report(exchange, received));
        server.setExecutor(Executors.newFixedThreadPool(2));
        server.start();
        System.out.println("listening on " + server.getAddress().getPort());
        System.out.flush();
    }

    private static void accept(HttpExchange exchange, Received counts) throws IOException {
        try (InputStream body = exchange.getRequestBody()) {
            counts.bytes.add(body.transferTo(OutputStream.nullOutputStream()));
            counts.requests.increment();
            exchange.getResponseHeaders().set("Content-Type", "application/x-protobuf");
            exchange.sendResponseHeaders(200, -1);
        }
        finally {
            exchange.close();
        }
    }

    private static void report(HttpExchange exchange, Map<String, Received> received) throws IOException {
        StringBuilder lines = new StringBuilder();
        received.forEach((signal, counts) -> lines.append(signal).append(' ').append(counts.requests.sum()).append(' ')
            .append(counts.bytes.sum()).append('\n'));
        byte[] text = lines.toString().getBytes(StandardCharsets.US_ASCII);
        exchange.getResponseHeaders().set("Content-Type", "text/plain");
        exchange.sendResponseHeaders(200, text.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(text);
        }
    }

    /** What one signal's path received so far. */
    private static final class Received {

        private final LongAdder requests = new LongAdder();

        private final LongAdder bytes = new LongAdder();
    }
}
