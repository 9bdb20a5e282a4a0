package dev.observability.sample;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.observability.core.ObservabilityManager;
import dev.observability.core.spi.Fields;
import dev.observability.core.spi.SpanContext;
import dev.observability.core.tracing.Span;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.client.RestClient;

/**
 * Shows one trace id everywhere: {@code GET /trace} opens a manager span (a child of Boot's HTTP server span), logs
 * inside it through SLF4J, and calls {@code GET /trace/downstream} through Boot's {@code RestClient}, which sends a
 * W3C {@code traceparent} header. The answer shows the ids, so they can be looked up in the JSON log lines and in
 * the tracing backend.
 */
@RestController
class TraceController {

    private static final Logger logger = LoggerFactory.getLogger(TraceController.class);

    private final ObservabilityManager manager;

    private final RestClient restClient;

    TraceController(ObservabilityManager manager, RestClient.Builder restClientBuilder) {
        this.manager = manager;
        this.restClient = restClientBuilder.build();
    }

    @GetMapping("/trace")
    Map<String, Object> trace(HttpServletRequest request) {
        Map<String, Object> answer = new LinkedHashMap<>();
        try (Span span = this.manager.startSpan("sample.trace", Fields.of("sample.endpoint", "/trace"))) {
            logger.info("Handling /trace inside the manager span");
            String downstream = this.restClient.get()
                .uri("http://127.0.0.1:" + request.getLocalPort() + "/trace/downstream")
                .retrieve()
                .body(String.class);
            span.event("downstream.answered", Fields.of("body.length", (downstream != null) ? downstream.length() : 0));
            SpanContext ids = span.context();
            answer.put("traceId", (ids != null) ? ids.traceId() : null);
            answer.put("spanId", (ids != null) ? ids.spanId() : null);
            answer.put("downstreamReceivedTraceparent", downstream);
        }
        return answer;
    }

    @GetMapping("/trace/downstream")
    String downstream(@RequestHeader(name = "traceparent", required = false) @Nullable String traceparent) {
        logger.info("Downstream received traceparent {}", traceparent);
        return (traceparent != null) ? traceparent : "";
    }
}
