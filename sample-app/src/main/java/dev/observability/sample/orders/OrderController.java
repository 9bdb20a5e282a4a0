package dev.observability.sample.orders;

import java.net.URI;

import dev.observability.core.ObservabilityManager;
import dev.observability.core.metrics.HistogramHandle;
import dev.observability.core.spi.Fields;
import dev.observability.core.spi.Labels;
import dev.observability.core.spi.Metric;
import dev.observability.core.tracing.Span;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * The orders API. Each handler records through the {@link ObservabilityManager}: a span (a child of Boot's HTTP
 * server span, so it shares the request's trace id), metrics ({@code orders.placed}, {@code orders.quantity},
 * {@code orders.refused}, {@code orders.lookups}, {@code orders.failed}, each with a description that Prometheus
 * shows as its HELP text) and log lines (through SLF4J, which the
 * starter turns into JSON lines carrying the span's ids). Boot's own {@code http.server.requests} metric is recorded
 * for every request as usual and reaches every metrics adapter through the Micrometer bridge.
 */
@RestController
@RequestMapping("/orders")
class OrderController {

    private static final Logger logger = LoggerFactory.getLogger(OrderController.class);

    private static final Metric PLACED = Metric.named("orders.placed").withDescription("Orders placed, by region");

    private static final Metric QUANTITY = Metric.named("orders.quantity").withDescription("Items per placed order");

    private static final Metric REFUSED = Metric.named("orders.refused")
        .withDescription("Orders refused, by reason");

    private static final Metric FAILED = Metric.named("orders.failed")
        .withDescription("Orders whose payment failed, by reason");

    private static final Metric LOOKUPS = Metric.named("orders.lookups")
        .withDescription("Orders looked up, by whether they were found");

    private final OrderBook book;

    private final ObservabilityManager observability;

    private final HistogramHandle quantities;

    OrderController(OrderBook book, ObservabilityManager observability) {
        this.book = book;
        this.observability = observability;
        // A pre-bound handle: metric and labels resolved once, each record() allocates nothing.
        this.quantities = observability.histogramHandle(QUANTITY, Labels.empty());
    }

    /**
     * Places an order: 201 with the order and its location, or 400 for a bad request.
     * @param request the order
     * @return the placed order
     */
    @PostMapping
    ResponseEntity<Order> place(@RequestBody OrderRequest request) {
        try (Span span = this.observability.startSpan("orders.place",
                Fields.of("order.item", request.item(), "order.region", request.regionOrDefault()))) {
            String problem = request.problem();
            if (problem != null) {
                this.observability.counter(REFUSED, Labels.of("reason", "invalid"));
                logger.warn("Order refused: {}", problem);
                throw new ResponseStatusException(HttpStatus.BAD_REQUEST, problem);
            }
            Order order = this.book.place(request);
            span.attribute("order.id", order.id());
            this.observability.counter(PLACED, Labels.of("region", order.region()));
            this.quantities.record(order.quantity());
            logger.info("Order {} placed: {} x {} to {}", order.id(), order.quantity(), order.item(), order.region());
            return ResponseEntity.created(URI.create("/orders/" + order.id())).body(order);
        }
    }

    /**
     * Fails on purpose, as a call to a broken payment service would: the span records the error, the
     * {@code orders.failed} counter counts it, and the answer is 502.
     * @return never
     */
    @PostMapping("/fail")
    Order fail() {
        try (Span span = this.observability.startSpan("orders.pay")) {
            PaymentFailedException failure = new PaymentFailedException(
                    "payment service unavailable (this endpoint fails on purpose)");
            span.error(failure);
            this.observability.counter(FAILED, Labels.of("reason", "payment"));
            logger.warn("Payment failed", failure);
            throw failure;
        }
    }

    /**
     * @param id an order's id
     * @return 200 with the order, or 404
     */
    @GetMapping("/{id}")
    ResponseEntity<Order> find(@PathVariable String id) {
        try (Span span = this.observability.startSpan("orders.find", Fields.of("order.id", id))) {
            ResponseEntity<Order> answer = this.book.find(id).map(ResponseEntity::ok)
                .orElseGet(() -> ResponseEntity.notFound().build());
            boolean found = answer.getStatusCode().is2xxSuccessful();
            span.attribute("order.found", found);
            this.observability.counter(LOOKUPS, Labels.of("found", String.valueOf(found)));
            return answer;
        }
    }
}
