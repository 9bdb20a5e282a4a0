package dev.observability.autoconfigure.bridge.logback;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.ThrowableProxy;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.filter.Filter;
import ch.qos.logback.core.spi.ContextAwareBase;
import ch.qos.logback.core.spi.FilterAttachableImpl;
import ch.qos.logback.core.spi.FilterReply;
import dev.observability.autoconfigure.adapter.LogbackNative;
import dev.observability.core.ObservabilityManager;
import dev.observability.core.bridge.BridgeGate;
import dev.observability.core.bridge.LogBridge;
import dev.observability.core.spi.Fields;
import dev.observability.core.spi.LogEvent;
import dev.observability.core.spi.LogLevel;
import dev.observability.core.spi.ObservabilityAdapter;
import dev.observability.core.spi.SpanContext;
import org.jspecify.annotations.Nullable;
import org.slf4j.event.KeyValuePair;

/**
 * A Logback appender on the root logger that hands each of the application's log events to the manager's logging
 * adapters once (a {@link LogBridge}), next to Boot's console and file appenders, which print every event
 * themselves. The library's own lines (a lane's failure report) are handed over too; a lane refuses what its own work
 * logged (the failing adapter never receives its own report) and every other lane receives it. The event's fields are its SLF4J key-value pairs
 * and its MDC (without the trace ids, which the event carries as its span: the manager's current span, the same one
 * the MDC shows). Adapters whose backend receives Logback's events by itself ({@link LogbackNative}) are left out
 * while they say so.
 * <p>
 * The logging thread only prepares Logback's event for reading elsewhere (its message, thread name and MDC, which
 * the console has usually read already) and queues it with the current span: each logging lane turns it into a
 * {@link LogEvent} where it delivers it (an ASYNC lane on its worker), so a log line allocates nothing for the
 * adapters on the application's thread. Neither synchronized (Logback's {@code AppenderBase} makes every logging
 * thread take one lock) nor guarded by a thread-local (its {@code UnsynchronizedAppenderBase} reads and writes one
 * twice per event): the lanes take events from many threads at once, and each refuses what its own work logged, so
 * the bridge cannot recurse.
 */
public final class LogbackBridgeAppender extends ContextAwareBase implements Appender<ILoggingEvent> {

    /** The appender's name on the root logger. */
    public static final String NAME = "OBSERVABILITY_BRIDGE";

    private final LogBridge<ILoggingEvent> bridge;

    private final FilterAttachableImpl<ILoggingEvent> filters = new FilterAttachableImpl<>();

    /** Whether a filter is attached (Logback's filter list costs a copy check per event even when empty). */
    private volatile boolean filtered;

    private volatile boolean started;

    private String name = NAME;

    /** @param manager the manager whose logging lanes receive the events */
    public LogbackBridgeAppender(ObservabilityManager manager) {
        this.bridge = manager.logBridge(LogbackBridgeAppender::read, LogbackBridgeAppender::gateFor);
    }

    @Override
    public void doAppend(ILoggingEvent event) {
        LogLevel level = toLevel(event.getLevel());
        if (!this.started || !this.bridge.reachesALane(level)
                || (this.filtered && this.filters.getFilterChainDecision(event) == FilterReply.DENY)) {
            return;
        }
        // what Logback reads from the logging thread (its name, the MDC) is read now; the lanes read the rest later
        event.prepareForDeferredProcessing();
        this.bridge.dispatch(event, level);
    }

    @Override
    public String getName() {
        return this.name;
    }

    @Override
    public void setName(String name) {
        this.name = name;
    }

    @Override
    public void start() {
        this.started = true;
    }

    @Override
    public void stop() {
        this.started = false;
    }

    @Override
    public boolean isStarted() {
        return this.started;
    }

    @Override
    public void addFilter(Filter<ILoggingEvent> filter) {
        this.filters.addFilter(filter);
        this.filtered = true;
    }

    @Override
    public void clearAllFilters() {
        this.filters.clearAllFilters();
        this.filtered = false;
    }

    @Override
    public List<Filter<ILoggingEvent>> getCopyOfAttachedFiltersList() {
        return this.filters.getCopyOfAttachedFiltersList();
    }

    @Override
    public FilterReply getFilterChainDecision(ILoggingEvent event) {
        return this.filters.getFilterChainDecision(event);
    }

    /** Every adapter but one whose backend receives Logback's events by itself: that one only while it does not. */
    private static BooleanSupplier gateFor(ObservabilityAdapter adapter) {
        if (adapter instanceof LogbackNative logbackNative) {
            return () -> !logbackNative.receivesLogbackEvents();
        }
        return BridgeGate.ALWAYS;
    }

    /** Runs where a lane delivers the event: a worker thread for an ASYNC lane. */
    private static LogEvent read(ILoggingEvent event, @Nullable SpanContext span) {
        return new LogEvent(event.getInstant(), toLevel(event.getLevel()), event.getLoggerName(), event.getThreadName(),
                event.getFormattedMessage(), fieldsOf(event), errorOf(event), span);
    }

    private static LogLevel toLevel(Level level) {
        return switch (level.toInt()) {
            case Level.ERROR_INT -> LogLevel.ERROR;
            case Level.WARN_INT -> LogLevel.WARN;
            case Level.INFO_INT -> LogLevel.INFO;
            case Level.DEBUG_INT -> LogLevel.DEBUG;
            default -> LogLevel.TRACE;
        };
    }

    private static Fields fieldsOf(ILoggingEvent event) {
        Map<String, String> mdc = event.getMDCPropertyMap();
        List<KeyValuePair> pairs = event.getKeyValuePairs();
        int mdcSize = (mdc != null) ? mdc.size() : 0;
        int pairCount = (pairs != null) ? pairs.size() : 0;
        if (mdcSize + pairCount == 0) {
            return Fields.empty();
        }
        List<@Nullable Object> keysAndValues = new ArrayList<>(2 * (mdcSize + pairCount));
        if (mdc != null) {
            for (Map.Entry<String, String> entry : mdc.entrySet()) {
                if (!"traceId".equals(entry.getKey()) && !"spanId".equals(entry.getKey())) {
                    keysAndValues.add(entry.getKey());
                    keysAndValues.add(entry.getValue());
                }
            }
        }
        if (pairs != null) {
            for (KeyValuePair pair : pairs) {
                keysAndValues.add(pair.key);
                keysAndValues.add(pair.value);
            }
        }
        return Fields.of(keysAndValues.toArray());
    }

    private static @Nullable Throwable errorOf(ILoggingEvent event) {
        IThrowableProxy proxy = event.getThrowableProxy();
        return (proxy instanceof ThrowableProxy throwable) ? throwable.getThrowable() : null;
    }
}
