package dev.observability.sample.audit;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /audit}: what the custom {@link AuditAdapter} received, by metric name. After a few requests it lists
 * the application's own metrics ({@code orders.placed}, ...) next to Boot's ({@code http.server.requests}).
 */
@RestController
class AuditController {

    private final AuditAdapter adapter;

    AuditController(AuditAdapter adapter) {
        this.adapter = adapter;
    }

    @GetMapping("/audit")
    Map<String, Object> received() {
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("adapter", this.adapter.name());
        answer.put("metrics", this.adapter.received());
        answer.put("ignored", this.adapter.ignored());
        return answer;
    }
}
