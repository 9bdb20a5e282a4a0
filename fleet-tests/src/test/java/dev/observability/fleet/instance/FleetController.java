package dev.observability.fleet.instance;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import dev.observability.core.ObservabilityManager;
import dev.observability.core.spi.Labels;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * What the fleet test asks of an instance: traffic that records one event per request, requests that record nothing
 * (each one trace, sampled or not), how many of the traffic's events reached the {@value CountingAdapter#NAME}
 * adapter, and a trace kept open
 * across a change of the sampling probability.
 */
@RestController
class FleetController {

    /** The most traces kept open at once. */
    private static final int MAX_OPEN_TRACES = 16;

    private final ObservabilityManager manager;

    private final CountingAdapter adapter;

    private final Tracer tracer;

    private final Map<String, Span> openTraces = new ConcurrentHashMap<>();

    FleetController(ObservabilityManager manager, CountingAdapter adapter, Tracer tracer) {
        this.manager = manager;
        this.adapter = adapter;
        this.tracer = tracer;
    }

    /** Records one {@value CountingAdapter#WORK} event. */
    @GetMapping("/fleet/work")
    String work() {
        this.manager.counter(CountingAdapter.WORK, Labels.empty());
        return "ok";
    }

    /** Records nothing: the request's own trace is all it makes. */
    @GetMapping("/fleet/ping")
    String ping() {
        return "pong";
    }

    /** @return the {@value CountingAdapter#WORK} events that reached the adapter */
    @GetMapping("/fleet/received")
    Map<String, Long> received() {
        return Map.of("work", this.adapter.work());
    }

    /**
     * Begins a trace of its own (not the request's) and keeps its root span open.
     * @return its trace id and whether it is sampled
     */
    @PostMapping("/fleet/traces")
    Map<String, Object> begin() {
        if (this.openTraces.size() >= MAX_OPEN_TRACES) {
            throw new ResponseStatusException(HttpStatus.TOO_MANY_REQUESTS, "at most " + MAX_OPEN_TRACES
                    + " traces are kept open");
        }
        Span root = this.tracer.spanBuilder().setNoParent().name("begun before the change").start();
        this.openTraces.put(root.context().traceId(), root);
        return Map.of("traceId", root.context().traceId(), "sampled", Boolean.TRUE.equals(root.context().sampled()));
    }

    /**
     * Adds a child span to a trace begun by {@link #begin()}, then ends both.
     * @param traceId the trace's id
     * @return whether the child is sampled
     */
    @PostMapping("/fleet/traces/{traceId}/end")
    Map<String, Object> end(@PathVariable String traceId) {
        Span root = this.openTraces.remove(traceId);
        if (root == null) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "no open trace " + traceId);
        }
        Span child = this.tracer.nextSpan(root).name("after the change").start();
        child.end();
        root.end();
        return Map.of("traceId", traceId, "childSampled", Boolean.TRUE.equals(child.context().sampled()));
    }
}
