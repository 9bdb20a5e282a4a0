package dev.observability.e2e.variants;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import dev.observability.core.ObservabilityManager;
import dev.observability.core.spi.AdapterSnapshot;
import dev.observability.core.spi.Signal;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What the tests of each end-to-end application share: the application started with the starter and the
 * {@code custom} variant's adapter, requests over real HTTP, and the lanes' accounts once the requests are answered.
 * A subclass is a {@code @SpringBootTest} on a random port with {@code e2e.adapter=custom}.
 */
public abstract class CustomAdapterApplicationTests {

    /** The longest an answer, or the custom adapter's deliveries, may take. */
    protected static final Duration TIMEOUT = Duration.ofSeconds(20);

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

    @LocalServerPort
    private int port;

    @Autowired
    private ObservabilityManager manager;

    /**
     * @param request the request, to the application's address
     * @return the answer
     */
    protected HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return this.client.send(request.timeout(TIMEOUT).build(), HttpResponse.BodyHandlers.ofString());
    }

    /**
     * @param path a path of the application, or a {@code Location} it answered
     * @return its address on the loopback interface
     */
    protected URI url(String path) {
        return URI.create("http://127.0.0.1:" + this.port + path);
    }

    /**
     * Waits until the custom adapter's ASYNC lane has delivered metrics and the given number of log events, then
     * checks that no lane failed, dropped or refused an event for an open circuit.
     * @param logEvents the log events the requests wrote at least
     */
    protected void assertEveryLaneDeliveredItsEvents(long logEvents) {
        await().atMost(TIMEOUT).untilAsserted(() -> {
            AdapterSnapshot custom = this.manager.controls().adapter("e2e-custom").orElseThrow();
            assertThat(custom.counts().get(Signal.METRICS).delivered()).isPositive();
            assertThat(custom.counts().get(Signal.LOGGING).delivered()).isGreaterThanOrEqualTo(logEvents);
        });
        assertThat(this.manager.controls().adapters()).allSatisfy((adapter) -> {
            assertThat(adapter.total().failed()).as("%s failed", adapter.name()).isZero();
            assertThat(adapter.total().dropped()).as("%s dropped", adapter.name()).isZero();
            assertThat(adapter.total().rejectedCircuitOpen()).as("%s refused", adapter.name()).isZero();
        });
    }
}
