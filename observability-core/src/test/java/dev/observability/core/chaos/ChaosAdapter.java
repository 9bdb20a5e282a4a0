package dev.observability.core.chaos;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;

import dev.observability.core.spi.AdapterHealth;
import dev.observability.core.spi.AdapterSpan;
import dev.observability.core.spi.HealthAdapter;
import dev.observability.core.spi.HealthReport;
import dev.observability.core.spi.LogEvent;
import dev.observability.core.spi.LoggingAdapter;
import dev.observability.core.spi.MetricId;
import dev.observability.core.spi.MetricsAdapter;
import dev.observability.core.spi.Signal;
import dev.observability.core.spi.SpanStart;
import dev.observability.core.spi.TracingAdapter;

/**
 * A test adapter of every signal whose calls behave as told (healthy, throwing, slow, hanging) and which counts,
 * per signal, every call that reached it, so a test can compare what the adapter saw with the lane's account.
 */
public final class ChaosAdapter implements MetricsAdapter, TracingAdapter, HealthAdapter, LoggingAdapter {

    private static final AdapterSpan IGNORING_SPAN = (endTime) -> {
    };

    private final String name;

    private final Behaviour behaviour;

    private final LongAdder[] calls = new LongAdder[Signal.values().length];

    private final Supplier<AdapterHealth> health;

    /**
     * @param name the adapter's name
     * @param behaviour what each call does after it is counted
     */
    public ChaosAdapter(String name, Behaviour behaviour) {
        this(name, behaviour, AdapterHealth::up);
    }

    /**
     * @param name the adapter's name
     * @param behaviour what each call does after it is counted
     * @param health what the adapter's own {@code health()} answers
     */
    public ChaosAdapter(String name, Behaviour behaviour, Supplier<AdapterHealth> health) {
        this.name = name;
        this.behaviour = behaviour;
        this.health = health;
        for (int i = 0; i < this.calls.length; i++) {
            this.calls[i] = new LongAdder();
        }
    }

    /** @return a behaviour that returns at once */
    public static Behaviour healthy() {
        return () -> {
        };
    }

    /**
     * @param percent the chance, in percent, that a call throws
     * @return a behaviour that throws at random
     */
    public static Behaviour throwingAtRandom(int percent) {
        return () -> {
            if (ThreadLocalRandom.current().nextInt(100) < percent) {
                throw new IllegalStateException("chaos: backend refused the call");
            }
        };
    }

    /**
     * @param delay how long each call takes
     * @return a behaviour that answers slowly
     */
    public static Behaviour slow(Duration delay) {
        long nanos = delay.toNanos();
        return () -> LockSupport.parkNanos(nanos);
    }

    @Override
    public String name() {
        return this.name;
    }

    @Override
    public AdapterHealth health() {
        return this.health.get();
    }

    /**
     * @param signal a signal
     * @return the calls of that signal that reached this adapter (including those that then threw)
     */
    public long calls(Signal signal) {
        return this.calls[signal.ordinal()].sum();
    }

    private void call(Signal signal) {
        this.calls[signal.ordinal()].increment();
        this.behaviour.act();
    }

    @Override
    public void counter(MetricId metric, double amount) {
        call(Signal.METRICS);
    }

    @Override
    public void gauge(MetricId metric, double value) {
        call(Signal.METRICS);
    }

    @Override
    public void histogram(MetricId metric, double value) {
        call(Signal.METRICS);
    }

    @Override
    public void timing(MetricId metric, Duration duration) {
        call(Signal.METRICS);
    }

    @Override
    public AdapterSpan startSpan(SpanStart start) {
        call(Signal.TRACING);
        return IGNORING_SPAN;
    }

    @Override
    public void report(HealthReport report) {
        call(Signal.HEALTH);
    }

    @Override
    public void log(LogEvent event) {
        call(Signal.LOGGING);
    }

    @Override
    public String toString() {
        return this.name;
    }

    /**
     * What a call does once it is counted.
     */
    @FunctionalInterface
    public interface Behaviour {

        /** Acts: returns, throws, waits. */
        void act();
    }
}
