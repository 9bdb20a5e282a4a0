package dev.observability.autoconfigure.bridge;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.observability.core.spi.AdapterSpan;
import dev.observability.core.spi.DispatchMode;
import dev.observability.core.spi.Fields;
import dev.observability.core.spi.LogEvent;
import dev.observability.core.spi.LoggingAdapter;
import dev.observability.core.spi.SpanStart;
import dev.observability.core.spi.SpanStatus;
import dev.observability.core.spi.TracingAdapter;
import org.jspecify.annotations.Nullable;

/**
 * A custom tracing and logging adapter for tests: it keeps every span (with what was replayed on it) and every log
 * event it receives, called inline so tests need not wait.
 *
 * @param name the adapter's name
 * @param spans the spans received
 * @param logs the log events received
 */
public record BridgeRecordingAdapter(String name, List<RecordedSpan> spans, List<LogEvent> logs)
        implements TracingAdapter, LoggingAdapter {

    /** @param name the adapter's name */
    public BridgeRecordingAdapter(String name) {
        this(name, new CopyOnWriteArrayList<>(), new CopyOnWriteArrayList<>());
    }

    @Override
    public DispatchMode preferredDispatch() {
        return DispatchMode.INLINE;
    }

    @Override
    public AdapterSpan startSpan(SpanStart start) {
        RecordedSpan span = new RecordedSpan(start, new CopyOnWriteArrayList<>());
        this.spans.add(span);
        return span;
    }

    @Override
    public void log(LogEvent event) {
        this.logs.add(event);
    }

    /**
     * @param name a span name
     * @return the spans with that name
     */
    public List<RecordedSpan> spansNamed(String name) {
        return this.spans.stream().filter((span) -> span.start().name().equals(name)).toList();
    }

    /**
     * A received span and the calls replayed on it.
     *
     * @param start how it started
     * @param calls the replayed calls, as text
     */
    public record RecordedSpan(SpanStart start, List<String> calls) implements AdapterSpan {

        @Override
        public void addEvent(String name, Fields attributes, Instant time) {
            this.calls.add("event " + name);
        }

        @Override
        public void recordException(Throwable error, Instant time) {
            this.calls.add("exception " + error.getMessage());
        }

        @Override
        public void setStatus(SpanStatus status, @Nullable String description) {
            this.calls.add("status " + status);
        }

        @Override
        public void end(Instant endTime) {
            this.calls.add("end");
        }
    }
}
