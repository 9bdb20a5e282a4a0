package com.example;

import dev.observability.core.ObservabilityManager;
import dev.observability.core.spi.SpanContext;
import dev.observability.core.tracing.Span;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Opens a manager span inside Boot's HTTP server span, logs in it, and answers with its trace id. */
@RestController
class TracedController {

    private static final Logger logger = LoggerFactory.getLogger(TracedController.class);

    private final ObservabilityManager observability;

    TracedController(ObservabilityManager observability) {
        this.observability = observability;
    }

    @GetMapping("/traced")
    String traced() {
        try (Span span = this.observability.startSpan("traced")) {
            logger.info("Inside the manager span");
            SpanContext ids = span.context();
            return (ids != null) ? ids.traceId() : "";
        }
    }
}
