package dev.observability.autoconfigure.actuator;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.observability.core.spi.AdapterSnapshot;
import dev.observability.core.spi.ExportCounts;
import dev.observability.core.spi.Signal;
import dev.observability.core.spi.SignalCounts;

/**
 * Describes one adapter for operators, the same way in the health details and in the {@code observability}
 * endpoint, where the adapter's name is the key: its configured and effective state (as {@code configuredLevel} and
 * {@code effectiveLevel} in Boot's {@code loggers} endpoint), status, queue, breaker, the account of its events and,
 * next to it, what its backend did with them afterwards ({@code exports}, for an adapter that reports it).
 */
final class AdapterDetails {

    private AdapterDetails() {
    }

    /**
     * @param adapter a snapshot of the adapter's lane
     * @return its description, with the adapter's own health details under {@code health} and when the health cycle
     * last asked for them under {@code healthCheckedAt}; absent values (no error yet) are left out
     */
    static Map<String, Object> of(AdapterSnapshot adapter) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("configuredEnabled", adapter.configuredEnabled());
        details.put("effectiveEnabled", adapter.enabled());
        details.put("signals", adapter.signals().stream().map(Signal::tagValue).toList());
        details.put("status", adapter.health().status().name());
        if (adapter.health().message() != null) {
            details.put("message", adapter.health().message());
        }
        details.put("dispatch", adapter.dispatch().name());
        details.put("circuitState", adapter.circuitState());
        details.put("queueDepth", adapter.queueDepth());
        details.put("queueCapacity", adapter.queueCapacity());
        counts(details, adapter.total());
        Map<String, Object> bySignal = new LinkedHashMap<>();
        adapter.counts().forEach((signal, counts) -> bySignal.put(signal.tagValue(), counts(new LinkedHashMap<>(),
                counts)));
        details.put("countsBySignal", bySignal);
        ExportCounts exports = adapter.exports();
        if (exports != null) {
            details.put("exports", exports(exports));
        }
        if (adapter.lastError() != null) {
            details.put("lastError", adapter.lastError());
        }
        if (adapter.lastErrorTime() != null) {
            details.put("lastErrorTime", adapter.lastErrorTime().toString());
        }
        if (!adapter.health().details().isEmpty()) {
            details.put("health", adapter.health().details());
        }
        if (adapter.healthCheckedAt() != null) {
            // The adapter's own status and details are as of the last health cycle; the counts above are live.
            details.put("healthCheckedAt", adapter.healthCheckedAt().toString());
        }
        return details;
    }

    /**
     * @param adapters snapshots of several lanes
     * @return their descriptions by name, in order
     */
    static Map<String, Map<String, Object>> byName(List<AdapterSnapshot> adapters) {
        Map<String, Map<String, Object>> byName = new LinkedHashMap<>();
        adapters.forEach((adapter) -> byName.put(adapter.name(), of(adapter)));
        return byName;
    }

    private static Map<String, Object> exports(ExportCounts exports) {
        Map<String, Object> target = new LinkedHashMap<>();
        target.put("items", exports.items());
        target.put("exported", exports.exported());
        target.put("failed", exports.failed());
        target.put("refused", exports.refused());
        target.put("droppedOrQueued", exports.droppedOrQueued());
        return target;
    }

    private static Map<String, Object> counts(Map<String, Object> target, SignalCounts counts) {
        target.put("submitted", counts.submitted());
        target.put("delivered", counts.delivered());
        target.put("failed", counts.failed());
        target.put("dropped", counts.dropped());
        target.put("rejected", counts.rejected());
        target.put("rejectedCircuitOpen", counts.rejectedCircuitOpen());
        target.put("rejectedDisabled", counts.rejectedDisabled());
        target.put("rejectedReentrant", counts.rejectedReentrant());
        target.put("pending", counts.pending());
        return target;
    }
}
