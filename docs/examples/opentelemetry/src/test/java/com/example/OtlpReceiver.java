package com.example;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/** A collector on a free loopback port that accepts every OTLP/HTTP export and keeps the paths it was sent to. */
final class OtlpReceiver implements AutoCloseable {

    private final HttpServer server;

    private final Set<String> paths = ConcurrentHashMap.newKeySet();

    private OtlpReceiver(HttpServer server) {
        this.server = server;
    }

    static OtlpReceiver start() throws IOException {
        OtlpReceiver receiver = new OtlpReceiver(
                HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0));
        receiver.server.createContext("/", receiver::accept);
        receiver.server.start();
        return receiver;
    }

    /** @return the URL of a path on this receiver */
    String url(String path) {
        return "http://127.0.0.1:" + this.server.getAddress().getPort() + path;
    }

    /** @return the paths exports were sent to so far */
    Set<String> paths() {
        return Set.copyOf(this.paths);
    }

    private void accept(HttpExchange exchange) throws IOException {
        try (InputStream body = exchange.getRequestBody()) {
            body.readAllBytes();
        }
        this.paths.add(exchange.getRequestURI().getPath());
        exchange.getResponseHeaders().add("Content-Type", "application/x-protobuf");
        exchange.sendResponseHeaders(200, -1);
        exchange.close();
    }

    @Override
    public void close() {
        this.server.stop(0);
    }
}
