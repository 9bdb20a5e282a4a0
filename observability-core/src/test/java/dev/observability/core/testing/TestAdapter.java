package dev.observability.core.testing;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import dev.observability.core.spi.AdapterSpan;
import dev.observability.core.spi.DispatchMode;
import dev.observability.core.spi.HealthAdapter;
import dev.observability.core.spi.HealthReport;
import dev.observability.core.spi.LogEvent;
import dev.observability.core.spi.LoggingAdapter;
import dev.observability.core.spi.MetricId;
import dev.observability.core.spi.MetricsAdapter;
import dev.observability.core.spi.SpanStart;
import dev.observability.core.spi.TracingAdapter;
import org.jspecify.annotations.Nullable;

/**
 * An adapter of every signal that records what it receives as text, with an injectable fault run before each
 * call: a real adapter implementation, not a mock.
 */
public final class TestAdapter implements MetricsAdapter, TracingAdapter, HealthAdapter, LoggingAdapter {

    /** What the adapter receives, in order, as text. */
    public final List<String> events = new CopyOnWriteArrayList<>();

    /** The spans it received. */
    public final List<SpanStart> spans = new CopyOnWriteArrayList<>();

    /** The attributes replayed into its spans, in order, as {@code key=value}. */
    public final List<String> spanAttributes = new CopyOnWriteArrayList<>();

    /** The health reports it received. */
    public final List<HealthReport> reports = new CopyOnWriteArrayList<>();

    /** The calls made on it, failed ones included. */
    public final AtomicLong calls = new AtomicLong();

    private final String name;

    private final DispatchMode dispatch;

    private volatile Fault fault = Fault.NONE;

    /**
     * @param name the adapter's name
     * @param dispatch the dispatch it prefers
     */
    public TestAdapter(String name, DispatchMode dispatch) {
        this.name = name;
        this.dispatch = dispatch;
    }

    /**
     * @param fault what to do before each call from now on
     * @return this adapter
     */
    public TestAdapter fault(Fault fault) {
        this.fault = fault;
        return this;
    }

    @Override
    public String name() {
        return this.name;
    }

    @Override
    public DispatchMode preferredDispatch() {
        return this.dispatch;
    }

    private void receive(String event) {
        this.fault.before(this.calls.incrementAndGet());
        this.events.add(event);
    }

    @Override
    public void counter(MetricId metric, double amount) {
        receive("counter " + metric + " " + amount);
    }

    @Override
    public void gauge(MetricId metric, double value) {
        receive("gauge " + metric + " " + value);
    }

    @Override
    public void histogram(MetricId metric, double value) {
        receive("histogram " + metric + " " + value);
    }

    @Override
    public void timing(MetricId metric, Duration duration) {
        receive("timing " + metric + " " + duration);
    }

    @Override
    public AdapterSpan startSpan(SpanStart start) {
        receive("span " + start.name());
        this.spans.add(start);
        return new AdapterSpan() {
            @Override
            public void setAttribute(String key, @Nullable Object value) {
                TestAdapter.this.spanAttributes.add(key + "=" + value);
            }

            @Override
            public void end(Instant endTime) {
            }
        };
    }

    @Override
    public void report(HealthReport report) {
        receive("health " + report.status());
        this.reports.add(report);
    }

    @Override
    public void log(LogEvent event) {
        receive("log " + event.message());
    }

    /**
     * Runs before each call; may throw, hang or sleep.
     */
    @FunctionalInterface
    public interface Fault {

        /** No fault. */
        Fault NONE = (call) -> {
        };

        /**
         * @param call the call's number, from 1
         */
        void before(long call);

        /** @return a fault that throws on every call */
        static Fault alwaysThrow() {
            return (call) -> {
                throw new IllegalStateException("backend down (call " + call + ")");
            };
        }

        /** @return a fault that throws on every second call: exactly half the time */
        static Fault throwEveryOtherCall() {
            return (call) -> {
                if (call % 2 == 0) {
                    throw new IllegalStateException("flaky backend (call " + call + ")");
                }
            };
        }

        /**
         * @param down whether the backend is down: every call throws while it is {@code true}
         * @return a fault for an outage that ends when {@code down} turns {@code false}
         */
        static Fault outage(AtomicBoolean down) {
            return (call) -> {
                if (down.get()) {
                    throw new IllegalStateException("outage (call " + call + ")");
                }
            };
        }

        /**
         * @param entered counted down when a call starts hanging
         * @param release the call returns when this is counted down (or after a minute, so no test hangs)
         * @return a fault that hangs each call until released, deaf to interrupts like a stuck socket read
         */
        static Fault hangUntil(CountDownLatch entered, CountDownLatch release) {
            return (call) -> {
                entered.countDown();
                await(release);
            };
        }

        /**
         * @param duration how long each call takes
         * @return a fault that makes each call slow
         */
        static Fault slow(Duration duration) {
            return (call) -> {
                try {
                    Thread.sleep(duration.toMillis());
                }
                catch (InterruptedException ex) {
                    Thread.currentThread().interrupt();
                }
            };
        }

        private static void await(CountDownLatch latch) {
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
            boolean interrupted = false;
            while (latch.getCount() > 0 && deadline - System.nanoTime() > 0) {
                try {
                    latch.await(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
                }
                catch (InterruptedException ex) {
                    interrupted = true;
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
