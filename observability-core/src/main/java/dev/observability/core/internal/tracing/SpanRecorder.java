package dev.observability.core.internal.tracing;

import java.lang.System.Logger.Level;
import java.time.Clock;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Predicate;

import dev.observability.core.internal.dispatch.AdapterLane;
import dev.observability.core.internal.dispatch.DetailDelivery;
import dev.observability.core.internal.dispatch.LaneRegistry;
import dev.observability.core.internal.redaction.FieldsRedactor;
import dev.observability.core.internal.redaction.SpanRedactor;
import dev.observability.core.redaction.Redaction;
import dev.observability.core.spi.AdapterSpan;
import dev.observability.core.spi.Fields;
import dev.observability.core.spi.InputRefusal;
import dev.observability.core.spi.ObservabilityAdapter;
import dev.observability.core.spi.Signal;
import dev.observability.core.spi.SpanContext;
import dev.observability.core.spi.SpanStart;
import dev.observability.core.spi.TracingAdapter;
import dev.observability.core.tracing.Scope;
import dev.observability.core.tracing.Span;
import dev.observability.core.tracing.SpanContextSource;
import org.jspecify.annotations.Nullable;

/**
 * The tracing signal's recorder: starts the manager's spans (with ids and the outside parent from the
 * {@link SpanContextSource}), keeps each thread's stack of current spans, makes a span current again, and hands an
 * ended span to every tracing lane. Spans made outside the manager (a bridge's) go to the tracing lanes through
 * {@link #record}.
 */
public final class SpanRecorder {

    private static final System.Logger LOGGER = System.getLogger("dev.observability.core.ObservabilityManager");

    private final ThreadLocal<@Nullable SpanFrame> currentSpans = new ThreadLocal<>();

    /**
     * Whether a span of the manager's has been made current on any thread yet. Until then no thread has one, and
     * asking for the current span (each bridged log line does) skips the thread-local look-up.
     */
    private volatile boolean anyMadeCurrent;

    private final LaneRegistry lanes;

    private final Clock clock;

    private final SpanContextSource spanContextSource;

    /** Delivers a span made outside the manager: the adapter's span, masked, replays what the span recorded. */
    private final DetailDelivery<TracingAdapter, SpanStart, Consumer<AdapterSpan>> replayRecorded = (adapter, start,
            replay) -> Objects.requireNonNull(replay).accept(SpanRedactor.redact(redaction(), adapter.startSpan(start)));

    /**
     * @param lanes the lanes, with the signal switch, the refusal counts and the redaction rule
     * @param clock the clock of the spans' times
     * @param spanContextSource where span ids and the outside parent come from
     */
    public SpanRecorder(LaneRegistry lanes, Clock clock, SpanContextSource spanContextSource) {
        this.lanes = lanes;
        this.clock = clock;
        this.spanContextSource = spanContextSource;
    }

    /**
     * Starts a span, current on this thread until closed. Its parent is the manager span current on this thread, or
     * else the span current in the application's tracing context.
     * @param name the span's name
     * @param attributes its attributes
     * @return the span; a span that does nothing when the name is refused or tracing is off
     */
    public Span start(String name, @Nullable Fields attributes) {
        if (!this.lanes.isOn(Signal.TRACING)) {
            return RefusedSpan.INSTANCE;
        }
        if (SpanNames.problem(name) != null) {
            this.lanes.refusals().refuse(InputRefusal.INVALID_NAME);
            return RefusedSpan.INSTANCE;
        }
        Fields safeAttributes = (attributes != null) ? FieldsRedactor.redact(redaction(), attributes) : Fields.empty();
        long startEpochNanos = ManagedSpan.epochNanos(this.clock);
        if (this.spanContextSource == SpanContextSource.RANDOM) {
            // with this source every span on this recorder's stacks has generated ids
            ManagedSpan parent = currentSpan();
            madeCurrent();
            return new GeneratedIdsSpan(this, name, (GeneratedIdsSpan) parent, startEpochNanos, safeAttributes);
        }
        ManagedSpan parentSpan = currentSpan();
        SpanContext parent = (parentSpan != null) ? parentSpan.idsForChild() : outsideCurrent();
        Object attachment;
        SpanContext context = null;
        try {
            attachment = this.spanContextSource.startAttached(name, parent, startEpochNanos);
            if (attachment != null && !this.spanContextSource.hasContext(attachment)) {
                attachment = null;
            }
            if (attachment == null) {
                context = this.spanContextSource.start(name, parent);
            }
        }
        catch (RuntimeException ex) {
            LOGGER.log(Level.DEBUG, "span context source failed; the span is not recorded", ex);
            return RefusedSpan.INSTANCE;
        }
        madeCurrent();
        return new SourcedSpan(this, name, context, (parentSpan != null) ? parentSpan : parent, attachment,
                startEpochNanos, safeAttributes, sourceScope(context, attachment));
    }

    /**
     * @return the span current on this thread: the manager's, or else the application's tracing context's, or
     * {@code null}
     */
    public @Nullable SpanContext current() {
        ManagedSpan span = currentSpan();
        return (span != null) ? span.context() : outsideCurrent();
    }

    /** @return the span current in the application's tracing context, or {@code null} */
    private @Nullable SpanContext outsideCurrent() {
        try {
            return this.spanContextSource.current();
        }
        catch (RuntimeException ex) {
            return null;
        }
    }

    /**
     * @param attachment the source's own span for a manager span
     * @return its ids as the source gives them, or {@code null} when the source gives none or fails
     */
    @Nullable SpanContext contextOf(Object attachment) {
        try {
            return this.spanContextSource.contextOf(attachment);
        }
        catch (RuntimeException ex) {
            return null;
        }
    }

    /**
     * Hands a span made and ended outside the manager to the tracing lanes of the adapters the filter accepts, one
     * event per lane, unless tracing is off or its name breaks the rules (then it is refused and counted); its
     * attributes are masked on the way.
     * @param start the span's start
     * @param replay applies the span's operations to an adapter's span, then ends it
     * @param accepts which adapters receive it
     */
    public void record(@Nullable SpanStart start, @Nullable Consumer<AdapterSpan> replay,
            @Nullable Predicate<ObservabilityAdapter> accepts) {
        if (start == null || replay == null || accepts == null || !this.lanes.isOn(Signal.TRACING)) {
            return;
        }
        if (SpanNames.problem(start.name()) != null) {
            this.lanes.refusals().refuse(InputRefusal.INVALID_NAME);
            return;
        }
        SpanStart safeStart = SpanRedactor.redact(redaction(), start);
        for (AdapterLane lane : this.lanes.tracingLanes()) {
            if (accepts.test(lane.adapter())) {
                lane.submit(Signal.TRACING, this.replayRecorded, safeStart, replay);
            }
        }
    }

    /**
     * @param accepts which tracing adapters the spans would go to
     * @return whether {@link #record} with this filter would hand a span to a lane now: tracing is on and a tracing
     * adapter the filter accepts is registered (switched on or off: a switched-off adapter counts what it refuses)
     */
    public boolean records(Predicate<ObservabilityAdapter> accepts) {
        return this.lanes.routesToAny(Signal.TRACING, accepts);
    }

    /** @return the manager span current on this thread, or {@code null} */
    private @Nullable ManagedSpan currentSpan() {
        return this.anyMadeCurrent ? SpanFrame.current(this.currentSpans) : null;
    }

    /** @return the stack of this thread's current spans */
    ThreadLocal<@Nullable SpanFrame> stack() {
        return this.currentSpans;
    }

    /** Notes that a span of the manager's becomes current on this thread (written once: a read after that). */
    private void madeCurrent() {
        if (!this.anyMadeCurrent) {
            this.anyMadeCurrent = true;
        }
    }

    Clock clock() {
        return this.clock;
    }

    /** @return the rule that masks sensitive attributes */
    Redaction redaction() {
        return this.lanes.redaction();
    }

    /**
     * @param span an open span
     * @return a scope in which the span is current again on this thread, and in the source's context
     */
    Scope makeCurrent(ManagedSpan span) {
        madeCurrent();
        Object attachment = span.attachment();
        return new ScopeFrame(this.currentSpans, span,
                sourceScope((attachment != null) ? null : span.context(), attachment));
    }

    /** @param span an ended span, handed to every tracing lane as one event */
    void ended(ManagedSpan span) {
        for (AdapterLane lane : this.lanes.tracingLanes()) {
            lane.submit(Signal.TRACING, span);
        }
    }

    /**
     * @param context a manager span's ids, or {@code null} when it has an attachment
     * @param attachment the source's own span for it, or {@code null}
     * @return the span context source's scope that makes the span current in its context too; a source that fails
     * gives a scope that does nothing
     */
    private AutoCloseable sourceScope(@Nullable SpanContext context, @Nullable Object attachment) {
        try {
            return (attachment != null) ? this.spanContextSource.makeAttachedCurrent(attachment)
                    : this.spanContextSource.makeCurrent(Objects.requireNonNull(context), null);
        }
        catch (RuntimeException ex) {
            LOGGER.log(Level.DEBUG, "span context source failed to make a span current", ex);
            return Scope.NOOP;
        }
    }
}
