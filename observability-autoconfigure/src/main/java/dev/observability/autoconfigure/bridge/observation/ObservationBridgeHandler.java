package dev.observability.autoconfigure.bridge.observation;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Predicate;

import dev.observability.autoconfigure.adapter.ObservationNative;
import dev.observability.core.ObservabilityManager;
import dev.observability.core.spi.AdapterSpan;
import dev.observability.core.spi.Fields;
import dev.observability.core.spi.ObservabilityAdapter;
import dev.observability.core.spi.SpanContext;
import dev.observability.core.spi.SpanStart;
import dev.observability.core.spi.SpanStatus;
import dev.observability.core.tracing.SpanContextSource;
import io.micrometer.common.KeyValue;
import io.micrometer.common.KeyValues;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationView;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;

/**
 * Hands every Observation the application makes (Boot's HTTP server and client ones, the user's own) to the tracing
 * adapters as one span each, through their lanes, when it stops. Adapters marked {@link ObservationNative} are left
 * out: their backend gets the Observations already. When Micrometer Tracing made a span for the Observation, the
 * bridged span has that span's ids and parent, so the adapters see the same trace as the tracing backend;
 * otherwise the bridge makes ids, with the parent Observation (or the manager's current span) as the parent. While
 * no adapter would receive the span (no tracing adapter but native ones, or tracing switched off), the bridge does not
 * take part in Observations at all.
 */
public final class ObservationBridgeHandler implements ObservationHandler<Observation.Context> {

    private static final Predicate<ObservabilityAdapter> NOT_NATIVE = (adapter) -> !(adapter instanceof ObservationNative);

    private final ObjectProvider<ObservabilityManager> manager;

    private final Clock clock;

    private final ObservationBridgeTracingIds tracingIds = ObservationBridgeTracingIds.forClasspath();

    /**
     * The manager once found: Spring's {@link ObjectProvider} resolves the dependency again on every call (candidate
     * matching, annotation scans), which the application's thread should not pay for each Observation.
     */
    private volatile @Nullable ObservabilityManager resolved;

    /**
     * @param manager the manager, looked up when the first Observation starts and kept once found
     * @param clock the clock of start and end times
     */
    public ObservationBridgeHandler(ObjectProvider<ObservabilityManager> manager, Clock clock) {
        this.manager = manager;
        this.clock = clock;
    }

    /**
     * Takes an Observation only while a tracing adapter that is not {@link ObservationNative} would receive its span
     * (see {@link ObservabilityManager#recordsSpans}): without one, Micrometer leaves the bridge out of the
     * Observation, which then costs the application nothing more than without the starter.
     */
    @Override
    public boolean supportsContext(Observation.Context context) {
        ObservabilityManager target = manager();
        return target != null && target.recordsSpans(NOT_NATIVE);
    }

    @Override
    public void onStart(Observation.Context context) {
        context.put(Recording.class, new Recording(this.clock.instant(), parentOf(context)));
    }

    @Override
    public void onEvent(Observation.Event event, Observation.Context context) {
        Recording recording = context.get(Recording.class);
        if (recording != null) {
            String name = (event.getContextualName() != null) ? event.getContextualName() : event.getName();
            recording.addEvent(new RecordedEvent(name, Instant.ofEpochMilli(event.getWallTime())));
        }
    }

    @Override
    public void onStop(Observation.Context context) {
        Recording recording = context.get(Recording.class);
        ObservabilityManager target = manager();
        if (recording == null || target == null) {
            return;
        }
        SpanStart start = startOf(context, recording);
        target.recordSpan(start, recording.stopped(context.getError(), this.clock.instant()), NOT_NATIVE);
    }

    private SpanStart startOf(Observation.Context context, Recording recording) {
        ObservationBridgeTracingIds.Ids traced = this.tracingIds.of(context);
        SpanContext ids = (traced != null) ? traced.context() : recording.ownIds();
        SpanContext parent = (traced != null) ? traced.parent() : recording.parent;
        String name = (context.getContextualName() != null) ? context.getContextualName() : context.getName();
        return new SpanStart((name != null) ? name : "observation", ids, parent, recording.startTime,
                attributesOf(context));
    }

    private @Nullable SpanContext parentOf(Observation.Context context) {
        ObservationView parent = context.getParentObservation();
        Recording parentRecording = (parent != null) ? parent.getContextView().get(Recording.class) : null;
        if (parentRecording != null) {
            return parentRecording.ownIds();
        }
        ObservabilityManager target = manager();
        return (target != null) ? target.currentSpanContext() : null;
    }

    private @Nullable ObservabilityManager manager() {
        ObservabilityManager found = this.resolved;
        if (found == null) {
            found = this.manager.getIfAvailable();
            this.resolved = found;
        }
        return found;
    }

    private static Fields attributesOf(Observation.Context context) {
        KeyValues keyValues = context.getAllKeyValues();
        // KeyValues are immutable: counted first, they fill an array of the right size
        int pairs = 0;
        for (Iterator<KeyValue> counting = keyValues.iterator(); counting.hasNext(); counting.next()) {
            pairs++;
        }
        Object[] keysAndValues = new Object[2 * pairs];
        int at = 0;
        for (KeyValue keyValue : keyValues) {
            keysAndValues[at++] = keyValue.getKey();
            keysAndValues[at++] = keyValue.getValue();
        }
        return Fields.of(keysAndValues);
    }

    /**
     * What the bridge keeps about one Observation between its start and its stop, and, once it stopped, what replays
     * the stop on an adapter's span: its events, its error and its end. Most Observations stop once, and the recording
     * is then that replay itself, so a stop makes no object of its own for it.
     */
    private static final class Recording implements Consumer<AdapterSpan> {

        final Instant startTime;

        final @Nullable SpanContext parent;

        /** The Observation's events, made on the first (most Observations have none). */
        private @Nullable List<RecordedEvent> events;

        private @Nullable SpanContext ownIds;

        /** The end of the first stop, {@code null} until then; with the events and the error as they were then. */
        private @Nullable Instant end;

        private List<RecordedEvent> stoppedEvents = List.of();

        private @Nullable Throwable error;

        Recording(Instant startTime, @Nullable SpanContext parent) {
            this.startTime = startTime;
            this.parent = parent;
        }

        synchronized void addEvent(RecordedEvent event) {
            if (this.events == null) {
                this.events = new ArrayList<>();
            }
            this.events.add(event);
        }

        /**
         * @param error the Observation's error at this stop, or {@code null}
         * @param end the time of this stop
         * @return what replays this stop on an adapter's span: this recording on the first stop, a replay of its own
         * on a later one (an Observation stopped again is bridged again, with that stop's end)
         */
        synchronized Consumer<AdapterSpan> stopped(@Nullable Throwable error, Instant end) {
            List<RecordedEvent> eventsNow = (this.events != null) ? List.copyOf(this.events) : List.of();
            if (this.end != null) {
                return (span) -> replay(span, eventsNow, error, end);
            }
            this.stoppedEvents = eventsNow;
            this.error = error;
            this.end = end;
            return this;
        }

        /** Replays the first stop on an adapter's span, on the thread that delivers it. */
        @Override
        public void accept(AdapterSpan span) {
            List<RecordedEvent> eventsThen;
            Throwable errorThen;
            Instant endThen;
            synchronized (this) {
                eventsThen = this.stoppedEvents;
                errorThen = this.error;
                endThen = Objects.requireNonNull(this.end);
            }
            replay(span, eventsThen, errorThen, endThen);
        }

        private static void replay(AdapterSpan span, List<RecordedEvent> events, @Nullable Throwable error,
                Instant end) {
            for (RecordedEvent event : events) {
                span.addEvent(event.name(), Fields.empty(), event.time());
            }
            if (error != null) {
                span.recordException(error, end);
                span.setStatus(SpanStatus.ERROR, error.getClass().getSimpleName());
            }
            span.end(end);
        }

        synchronized SpanContext ownIds() {
            if (this.ownIds == null) {
                this.ownIds = SpanContextSource.RANDOM.newContext(this.parent);
            }
            return this.ownIds;
        }
    }

    private record RecordedEvent(String name, Instant time) {
    }
}
