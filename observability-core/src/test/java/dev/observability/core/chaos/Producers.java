package dev.observability.core.chaos;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;

import dev.observability.core.ObservabilityManager;
import dev.observability.core.metrics.CounterHandle;
import dev.observability.core.spi.Fields;
import dev.observability.core.spi.Labels;
import dev.observability.core.spi.LogLevel;
import dev.observability.core.spi.Signal;
import dev.observability.core.tracing.Span;

/**
 * Application threads that record every signal through the manager, round after round, with a short pause
 * between rounds (an application's pace, not a benchmark's). Each round records {@value #METRICS_PER_ROUND}
 * metrics (a handle and each metric method), one span with an attribute and an event, and one log event. Whatever
 * a recording throws is kept: the application must see none.
 */
public final class Producers {

    /** Metric recordings per round. */
    public static final int METRICS_PER_ROUND = 5;

    private final ObservabilityManager manager;

    private final List<Thread> threads = new ArrayList<>();

    private final List<Throwable> thrown = new CopyOnWriteArrayList<>();

    private final LongAdder rounds = new LongAdder();

    private final long pauseNanos;

    private volatile boolean running = true;

    /**
     * @param manager the manager to record through
     * @param count how many threads
     * @param pause the pause after each round
     */
    public Producers(ObservabilityManager manager, int count, Duration pause) {
        this.manager = manager;
        this.pauseNanos = pause.toNanos();
        for (int i = 0; i < count; i++) {
            String producer = "producer-" + i;
            this.threads.add(new Thread(() -> produce(producer), "chaos-" + producer));
        }
    }

    /** Starts the threads. */
    public void start() {
        this.threads.forEach(Thread::start);
    }

    private void produce(String producer) {
        Labels labels = Labels.of("producer", producer);
        CounterHandle handle = this.manager.counterHandle("chaos.rounds", labels);
        long round = 0;
        while (this.running) {
            try {
                handle.increment();
                this.manager.counter("chaos.orders", 1, labels);
                this.manager.gauge("chaos.depth", round % 100, labels);
                this.manager.histogram("chaos.size", round % 1000, labels);
                this.manager.timing("chaos.latency", Duration.ofNanos(round), labels);
                try (Span span = this.manager.startSpan("chaos-round", Fields.of("producer", producer))) {
                    span.attribute("round", round);
                    span.event("halfway", Fields.of("round", round));
                }
                this.manager.log(LogLevel.INFO, "chaos round", Fields.of("producer", producer, "round", round));
            }
            catch (Throwable ex) {
                this.thrown.add(ex);
            }
            round++;
            this.rounds.increment();
            LockSupport.parkNanos(this.pauseNanos);
        }
    }

    /**
     * Stops the threads and waits for them, at most the given time.
     * @param timeout how long to wait
     * @return {@code true} when every thread ended (a recording blocked forever would keep one alive)
     * @throws InterruptedException if interrupted while waiting
     */
    public boolean stop(Duration timeout) throws InterruptedException {
        this.running = false;
        long deadline = System.nanoTime() + timeout.toNanos();
        for (Thread thread : this.threads) {
            thread.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
        }
        return this.threads.stream().noneMatch(Thread::isAlive);
    }

    /** @return what the recordings threw */
    public List<Throwable> thrown() {
        return List.copyOf(this.thrown);
    }

    /**
     * @param signal a signal the producers record
     * @return how many events of that signal they recorded
     */
    public long recorded(Signal signal) {
        long rounds = this.rounds.sum();
        return switch (signal) {
            case METRICS -> METRICS_PER_ROUND * rounds;
            case TRACING, LOGGING -> rounds;
            case HEALTH -> 0;
        };
    }
}
