package dev.observability.core.virtual;

import java.io.OutputStream;
import java.time.Duration;
import java.time.Instant;

import dev.observability.core.ObservabilityManager;
import dev.observability.core.adapters.JsonLoggingAdapter;
import dev.observability.core.adapters.NoopMetricsAdapter;
import dev.observability.core.adapters.NoopTracingAdapter;
import dev.observability.core.dispatch.LaneSettings;
import dev.observability.core.spi.DispatchMode;
import dev.observability.core.spi.Fields;
import dev.observability.core.spi.Labels;
import dev.observability.core.spi.LogEvent;
import dev.observability.core.spi.LogLevel;
import dev.observability.core.spi.ObservabilityAdapter;
import dev.observability.core.tracing.Span;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledForJreRange;
import org.junit.jupiter.api.condition.JRE;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the starter keeps per thread costs a new virtual thread (one per request on a server with virtual threads)
 * little more than a reused platform thread: a JSON line allocates at most 10 % (or a few bytes) more on the first than
 * on the second (both pay nearly nothing per line, so a lower figure is the measurement's noise). A request's events
 * cost a new thread the lanes' re-entry mark: one entry in the thread's thread-local map ({@value #REENTRY_MARK}
 * bytes with compressed references), measured exactly as what their first run on a new
 * virtual thread allocates beyond their second; once a span of the manager's has been made current, each thread's
 * first event also looks up the thread's span stack, one more entry ({@value #SPAN_STACK_ENTRY} bytes). Against a
 * reused platform thread the events' figure spreads from run to run by more than the mark, so that comparison is
 * bounded at {@value #NEW_THREAD_EXTRA} bytes more (docs/getting-started.md, "Virtual threads", gives the figures).
 */
@EnabledForJreRange(min = JRE.JAVA_21)
class VirtualThreadAllocationTests {

    private static final int CALLS = 20_000;

    private static final int MEASUREMENTS = 3;

    /**
     * Every event delivered on the recording thread, so none is dropped by a full queue (which would make the figures
     * depend on how fast the calls run).
     */
    private static final LaneSettings INLINE = LaneSettings.DEFAULTS.withDispatch(DispatchMode.INLINE);

    private static final Duration ELAPSED = Duration.ofMillis(12);

    private static final double FEW_BYTES = 16;

    private static final double NEW_THREAD_EXTRA = 128;

    /** A thread-local map entry holding the lanes' mark of the thread's work. */
    private static final double REENTRY_MARK = 32;

    /** A thread-local map entry for the thread's stack of current spans. */
    private static final double SPAN_STACK_ENTRY = 32;

    private final ThreadAllocation allocation = new ThreadAllocation(CALLS, MEASUREMENTS);

    @Test
    void jsonLineCostsAVirtualThreadWhatItCostsAPlatformThread() throws Exception {
        JsonLoggingAdapter adapter = new JsonLoggingAdapter(OutputStream.nullOutputStream());
        LogEvent event = new LogEvent(Instant.now(), LogLevel.INFO, "orders", "request", "order placed",
                Fields.of("order", "A-1"), null, null);
        assertCost(0, () -> adapter.log(event));
    }

    @Test
    void requestsEventsCostANewVirtualThreadABoundedAmountMore() throws Exception {
        try (ObservabilityManager manager = managerWith(new NoopMetricsAdapter())) {
            assertCost(NEW_THREAD_EXTRA, requestsEvents(manager));
        }
    }

    @Test
    void requestsEventsCostANewThreadOnlyTheLanesReentryMark() throws Exception {
        try (ObservabilityManager manager = managerWith(new NoopMetricsAdapter())) {
            assertFirstCallExtra(REENTRY_MARK, requestsEvents(manager));
        }
    }

    @Test
    void requestsEventsInASpanCostANewThreadTheReentryMarkAndTheSpanStack() throws Exception {
        try (ObservabilityManager manager = managerWith(new NoopTracingAdapter())) {
            Runnable events = requestsEvents(manager);
            assertFirstCallExtra(REENTRY_MARK + SPAN_STACK_ENTRY, () -> {
                try (Span span = manager.startSpan("orders.place")) {
                    events.run();
                }
            });
        }
    }

    /** @return a started manager with a JSON logging adapter and the given one, each on an INLINE lane */
    private static ObservabilityManager managerWith(ObservabilityAdapter adapter) {
        ObservabilityManager manager = ObservabilityManager.builder()
            .adapter(new JsonLoggingAdapter(OutputStream.nullOutputStream()), INLINE)
            .adapter(adapter, INLINE)
            .build();
        manager.start();
        return manager;
    }

    /** @return what a request of the orders API records: two log lines, a counter and a timing */
    private static Runnable requestsEvents(ObservabilityManager manager) {
        return () -> {
            manager.log(LogLevel.INFO, "order received");
            manager.counter("orders.placed", Labels.empty());
            manager.timing("orders.latency", ELAPSED, Labels.empty());
            manager.log(LogLevel.INFO, "order placed");
        };
    }

    /** @param bound the bytes the call's first run on a new virtual thread may allocate beyond its second */
    private void assertFirstCallExtra(double bound, Runnable call) throws Exception {
        double extra = this.allocation.firstCallExtraOnNewVirtualThreads(call);
        System.out.printf("bytes the first call on a new virtual thread allocates beyond the second: %.1f%n", extra);
        assertThat(extra).as("bytes of the first call on a new virtual thread beyond the second")
            .isLessThanOrEqualTo(bound);
    }

    /** @param extra the bytes a new virtual thread may pay beyond the tolerance */
    private void assertCost(double extra, Runnable call) throws Exception {
        double platform = this.allocation.onReusedPlatformThread(call);
        double virtual = this.allocation.onNewVirtualThreads(call);
        double tolerance = Math.max(FEW_BYTES, platform / 10);
        System.out.printf("bytes per call: %.1f on a reused platform thread, %.1f on new virtual threads%n", platform,
                virtual);
        assertThat(virtual).as("bytes per call on new virtual threads (platform thread: %.1f)", platform)
            .isLessThanOrEqualTo(platform + extra + tolerance);
    }
}
