package dev.observability.e2e.pages;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import dev.observability.e2e.variants.CustomAdapterApplicationTests;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The benchmark's pages application with the starter, loaded as the benchmark's load does (the catalogue page, then
 * each resource it references), with the {@code custom} variant's adapter: every answer is 200 and the page lists the
 * catalogue, the custom adapter's ASYNC lane receives Boot's HTTP metrics and the page's log lines, and no lane fails,
 * drops or refuses an event for an open circuit.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = { "server.address=127.0.0.1", "e2e.adapter=custom", "management.otlp.metrics.export.enabled=false" })
class PagesApplicationTests extends CustomAdapterApplicationTests {

    private static final List<String> PAGE_AND_RESOURCES = List.of("/", "/css/site.css", "/css/print.css",
            "/js/app.js", "/img/logo.png");

    private static final int PAGES = 10;

    @Test
    void servesThePageAndItsResourcesAndEveryLaneDeliversItsEvents() throws Exception {
        for (int i = 0; i < PAGES; i++) {
            for (String path : PAGE_AND_RESOURCES) {
                HttpResponse<String> answer = send(HttpRequest.newBuilder(url(path)));
                assertThat(answer.statusCode()).as(path).isEqualTo(200);
                if (path.equals("/")) {
                    assertThat(answer.body()).contains("<td>Product 1</td>", "<td>Product 12</td>");
                }
            }
        }
        assertEveryLaneDeliveredItsEvents(PAGES);
    }
}
