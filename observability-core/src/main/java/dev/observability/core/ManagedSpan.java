package dev.observability.core;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import dev.observability.core.redaction.Redaction;
import dev.observability.core.tracing.AdapterSpan;
import dev.observability.core.tracing.Scope;
import dev.observability.core.tracing.Span;
import dev.observability.core.tracing.SpanContext;
import dev.observability.core.tracing.SpanStart;
import dev.observability.core.tracing.SpanStatus;
import org.jspecify.annotations.Nullable;

/**
 * A span started through the manager: it records what the application sets and, when it ends, hands the whole
 * span to every tracing lane as one event.
 */
final class ManagedSpan implements Span {

    private final SpanTracker tracker;

    private final Clock clock;

    private final String name;

    private final SpanContext context;

    private final @Nullable SpanContext parent;

    private final Instant startTime;

    private final Fields attributes;

    private final List<Consumer<AdapterSpan>> operations = new ArrayList<>(4);

    private final Scope ownScope;

    private boolean ended;

    ManagedSpan(SpanTracker tracker, Clock clock, String name, SpanContext context, @Nullable SpanContext parent,
            Fields attributes) {
        this.tracker = tracker;
        this.clock = clock;
        this.name = name;
        this.context = context;
        this.parent = parent;
        this.attributes = attributes;
        this.startTime = clock.instant();
        this.ownScope = tracker.makeCurrent(this);
    }

    @Override
    public SpanContext context() {
        return this.context;
    }

    @Override
    public Span attribute(String key, @Nullable Object value) {
        if (key != null) {
            Object normalized = this.tracker.redaction().value(key, Fields.normalize(value));
            record((span) -> span.setAttribute(key, normalized));
        }
        return this;
    }

    @Override
    public Span event(String eventName, Fields eventAttributes) {
        Instant time = this.clock.instant();
        String safeName = (eventName != null) ? eventName : "event";
        Fields safeAttributes = (eventAttributes != null) ? this.tracker.redaction().redact(eventAttributes)
                : Fields.empty();
        record((span) -> span.addEvent(safeName, safeAttributes, time));
        return this;
    }

    @Override
    public Span error(Throwable error) {
        if (error != null) {
            Instant time = this.clock.instant();
            record((span) -> {
                span.recordException(error, time);
                span.setStatus(SpanStatus.ERROR, error.getClass().getSimpleName());
            });
        }
        return this;
    }

    @Override
    public Span status(SpanStatus status, @Nullable String description) {
        if (status != null) {
            record((span) -> span.setStatus(status, description));
        }
        return this;
    }

    private synchronized void record(Consumer<AdapterSpan> operation) {
        if (!this.ended) {
            this.operations.add(operation);
        }
    }

    @Override
    public Scope makeCurrent() {
        return this.tracker.makeCurrent(this);
    }

    @Override
    public void close() {
        List<Consumer<AdapterSpan>> recorded;
        synchronized (this) {
            if (this.ended) {
                return;
            }
            this.ended = true;
            recorded = List.copyOf(this.operations);
        }
        this.ownScope.close();
        Instant endTime = this.clock.instant();
        SpanStart start = new SpanStart(this.name, this.context, this.parent, this.startTime, this.attributes);
        this.tracker.ended(start, (adapterSpan) -> {
            for (Consumer<AdapterSpan> operation : recorded) {
                operation.accept(adapterSpan);
            }
            adapterSpan.end(endTime);
        });
    }

    @Override
    public String toString() {
        return "Span[" + this.name + " " + this.context.traceId() + "/" + this.context.spanId() + "]";
    }

    /**
     * What a span needs from the manager: making it current, and delivering it when it ends.
     */
    interface SpanTracker {

        Scope makeCurrent(ManagedSpan span);

        Redaction redaction();

        void ended(SpanStart start, Consumer<AdapterSpan> replay);
    }
}
