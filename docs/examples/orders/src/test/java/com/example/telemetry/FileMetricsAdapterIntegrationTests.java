package com.example.telemetry;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import dev.observability.core.ObservabilityManager;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class FileMetricsAdapterIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    ObservabilityManager manager;

    @Test
    void receivesTheHttpServerRequestsOfEachRequest() {
        RestClient.create().get().uri("http://127.0.0.1:" + this.port + "/actuator/health").retrieve().toBodilessEntity();
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(Files.readString(Path.of("metrics.log"))).contains("http.server.requests"));
        assertThat(this.manager.controls().adapter("file").orElseThrow().total().failed()).isZero();
    }
}
