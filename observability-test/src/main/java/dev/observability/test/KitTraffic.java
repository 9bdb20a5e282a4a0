package dev.observability.test;

import java.time.Duration;

import dev.observability.core.ObservabilityManager;
import dev.observability.core.spi.Fields;
import dev.observability.core.spi.Labels;
import dev.observability.core.spi.LogLevel;
import dev.observability.core.spi.Signal;
import dev.observability.core.spi.SpanStatus;
import dev.observability.core.tracing.Span;

/**
 * What the kit records through the manager, and how many lane events of each signal that makes: one round is four
 * metric events (a counter, a gauge, a histogram and a timing), one span with an attribute, an event, an error and a
 * status, one log event, and one health cycle.
 */
final class KitTraffic {

    private final ObservabilityManager manager;

    private final long[] sent = new long[Signal.values().length];

    KitTraffic(ObservabilityManager manager) {
        this.manager = manager;
    }

    /**
     * Records one round of every signal, labelled with the producer and the round.
     * @param producer which producer records (a label value)
     * @param round which round (a label value and a field)
     */
    void round(int producer, int round) {
        Labels labels = Labels.of("producer", Integer.toString(producer), "parity", (round % 2 == 0) ? "even" : "odd");
        this.manager.counter("kit.events", labels);
        this.manager.gauge("kit.level", round, labels);
        this.manager.histogram("kit.size", round % 100, labels);
        this.manager.timing("kit.duration", Duration.ofMillis(round % 50), labels);
        try (Span span = this.manager.startSpan("kit.operation", Fields.of("producer", producer))) {
            span.attribute("kit.round", round)
                .event("kit.step", Fields.of("round", round))
                .error(new IllegalStateException("kit error " + round))
                .status(SpanStatus.ERROR, "kit status");
        }
        this.manager.log(LogLevel.INFO, "kit event", Fields.of("producer", producer, "round", round));
        this.manager.controls().runHealthChecks();
        add(Signal.METRICS, 4);
        add(Signal.TRACING, 1);
        add(Signal.LOGGING, 1);
        add(Signal.HEALTH, 1);
    }

    /**
     * @param signal a signal
     * @return how many lane events of that signal the rounds so far made, health cycles of the schedule not included
     */
    synchronized long sent(Signal signal) {
        return this.sent[signal.ordinal()];
    }

    private synchronized void add(Signal signal, long events) {
        this.sent[signal.ordinal()] += events;
    }
}
