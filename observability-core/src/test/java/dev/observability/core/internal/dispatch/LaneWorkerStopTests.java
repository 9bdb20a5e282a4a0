package dev.observability.core.internal.dispatch;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;

import dev.observability.core.spi.Signal;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A stop whose deadline passes must leave no queued event pending, wherever the worker is: it either sees the stop
 * and discards, or the stop sees it in a call and takes the queue from it.
 */
class LaneWorkerStopTests {

    private static final int QUEUED = 10;

    private final List<Object> called = new CopyOnWriteArrayList<>();

    private final List<Object> leftOver = new CopyOnWriteArrayList<>();

    @Test
    void aStopDeadlinePassingBetweenTakingAnEventAndCallingTheAdapterCountsEveryEventQueuedBehindIt()
            throws InterruptedException {
        CountDownLatch inHandOver = new CountDownLatch(1);
        CountDownLatch stopReturned = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger clockReads = new AtomicInteger();
        // the worker reads the lane's clock once it has taken an event and before it calls the adapter: a clock that
        // waits on its first read holds the worker exactly there while the stop runs out of time
        LongSupplier clock = () -> {
            if (clockReads.getAndIncrement() == 0) {
                inHandOver.countDown();
                awaitIgnoringInterrupts(stopReturned);
            }
            return System.nanoTime();
        };
        LaneWorker worker = new LaneWorker(null, "race", 16, Duration.ofMillis(100),
                (signal, delivery, subject, detail, value) -> {
                    this.called.add(subject);
                    awaitIgnoringInterrupts(release);
                }, clock, new UnheardLife());
        ValueDelivery<Object, Object> unused = (adapter, subject, value) -> {
        };
        for (int i = 0; i < QUEUED; i++) {
            assertThat(worker.offer(Signal.METRICS, unused, i, null, 0)).isTrue();
        }
        worker.start();
        try {
            assertThat(inHandOver.await(10, TimeUnit.SECONDS)).isTrue();
            worker.awaitStop(System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(50),
                    (signal, delivery, subject, detail, value) -> this.leftOver.add(subject));
            stopReturned.countDown();
            await().atMost(Duration.ofSeconds(10)).until(() -> this.called.size() == 1);
            assertThat(this.called).as("the event in the worker's hands goes on into the call, which hangs")
                .containsExactly(0);
            assertThat(this.leftOver).as("the stop took the queue: the events behind the hung call are counted")
                .containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9);
            assertThat(worker.depth()).isZero();
        }
        finally {
            stopReturned.countDown();
            release.countDown();
        }
        assertThat(this.called).as("the worker calls nothing more once the hung call returns").containsExactly(0);
    }

    /** A worker's life that no dispatcher hears of: the worker alone. */
    private static final class UnheardLife implements LaneWorker.Listener {

        @Override
        public void started() {
        }

        @Override
        public void oversized(LaneWorker worker) {
        }

        @Override
        public void ended(LaneWorker worker) {
        }
    }

    /** Waits like an adapter that ignores the interrupt the stop sends to a worker still alive at its deadline. */
    private static void awaitIgnoringInterrupts(CountDownLatch latch) {
        boolean interrupted = false;
        while (true) {
            try {
                latch.await();
                break;
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
