package dev.observability.core.internal.dispatch;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;

import dev.observability.core.spi.Signal;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The ASYNC lane's queue: bounded exactly at its capacity (not at the power of two its slots round up to), also once
 * the capacity changes within its slots, and at its slots for an event handed over; first in first out, every event
 * taken exactly once with its five values however many producers offer at once, and a taken slot free for the next
 * lap.
 */
class EventRingTests {

    private static final ValueDelivery<Object, Object> DELIVERY = (adapter, subject, value) -> {
    };

    private final List<Object> taken = new ArrayList<>();

    private final QueuedEventHandler collect = (signal, delivery, subject, detail, value) -> this.taken.add(subject);

    @Test
    void holdsExactlyItsCapacityThenRefuses() {
        EventRing ring = new EventRing(10);
        for (int i = 0; i < 10; i++) {
            assertThat(ring.offer(Signal.METRICS, DELIVERY, i, null, 0)).isEqualTo(i);
        }
        assertThat(ring.offer(Signal.METRICS, DELIVERY, 10, null, 0)).isEqualTo(-1);
        assertThat(ring.size()).isEqualTo(10);
        assertThat(ring.poll(this.collect)).isTrue();
        assertThat(ring.offer(Signal.METRICS, DELIVERY, 10, null, 0)).as("the taken slot is free again").isEqualTo(10);
        assertThat(ring.offer(Signal.METRICS, DELIVERY, 11, null, 0)).isEqualTo(-1);
    }

    @Test
    void aCapacityChangedWithinItsSlotsBoundsWhatProducersQueueButNotWhatIsHandedOver() {
        EventRing ring = new EventRing(10);
        assertThat(ring.slots()).isEqualTo(16);
        for (int i = 0; i < 6; i++) {
            assertThat(ring.offer(Signal.METRICS, DELIVERY, i, null, 0)).isNotNegative();
        }
        ring.capacity(4);
        assertThat(ring.offer(Signal.METRICS, DELIVERY, 6, null, 0)).as("holds more than the new capacity").isEqualTo(-1);
        assertThat(ring.size()).as("the events it held stay").isEqualTo(6);
        for (int i = 6; i < 16; i++) {
            assertThat(ring.offerPastCapacity(Signal.METRICS, DELIVERY, i, null, 0)).isEqualTo(i);
        }
        assertThat(ring.offerPastCapacity(Signal.METRICS, DELIVERY, 16, null, 0)).as("every slot taken").isEqualTo(-1);
        ring.capacity(16);
        assertThat(ring.offer(Signal.METRICS, DELIVERY, 16, null, 0)).isEqualTo(-1);
        while (ring.poll(this.collect)) {
            // take every event
        }
        assertThat(this.taken).hasSize(16);
        assertThat(ring.offer(Signal.METRICS, DELIVERY, 16, null, 0)).isEqualTo(16);
    }

    @Test
    void handsOverEachEventsFiveValuesInOrderOverManyLaps() {
        EventRing ring = new EventRing(3);
        List<String> seen = new ArrayList<>();
        QueuedEventHandler handler = (signal, delivery, subject, detail, value) -> seen
            .add(signal + " " + subject + " " + detail + " " + value + " " + (delivery == DELIVERY));
        for (int i = 0; i < 100; i++) {
            Signal signal = (i % 2 == 0) ? Signal.METRICS : Signal.LOGGING;
            assertThat(ring.offer(signal, DELIVERY, "event-" + i, (i % 5 == 0) ? null : "detail-" + i, i))
                .isNotNegative();
            if (i % 3 == 2) {
                while (ring.poll(handler)) {
                    // take what is there
                }
            }
        }
        while (ring.poll(handler)) {
            // take the rest
        }
        assertThat(seen).hasSize(100);
        for (int i = 0; i < 100; i++) {
            assertThat(seen.get(i)).isEqualTo(((i % 2 == 0) ? "METRICS" : "LOGGING") + " event-" + i + " "
                    + ((i % 5 == 0) ? "null" : "detail-" + i) + " " + (double) i + " true");
        }
        assertThat(ring.isEmpty()).isTrue();
        assertThat(ring.poll(handler)).isFalse();
    }

    @Test
    void manyProducersAtOnceLoseNothingDuplicateNothingAndKeepEachProducersOrder() throws InterruptedException {
        int producers = 4;
        int perProducer = 20_000;
        EventRing ring = new EventRing(64);
        CountDownLatch go = new CountDownLatch(1);
        long[] refused = new long[producers];
        Thread[] threads = new Thread[producers];
        for (int p = 0; p < producers; p++) {
            int producer = p;
            threads[p] = new Thread(() -> {
                awaitQuietly(go);
                for (int i = 0; i < perProducer; i++) {
                    // the value carries the producer and its sequence number
                    while (ring.offer(Signal.METRICS, DELIVERY, DELIVERY, null, producer * 1e9 + i) < 0) {
                        refused[producer]++;
                        Thread.onSpinWait();
                    }
                }
            });
            threads[p].start();
        }
        long[] next = new long[producers];
        long[] total = new long[1];
        QueuedEventHandler check = (signal, delivery, subject, detail, value) -> {
            int producer = (int) (value / 1e9);
            long sequence = (long) (value - producer * 1e9);
            assertThat(sequence).as("producer %d's next event", producer).isEqualTo(next[producer]);
            next[producer]++;
            total[0]++;
        };
        go.countDown();
        while (total[0] < (long) producers * perProducer) {
            if (!ring.poll(check)) {
                Thread.onSpinWait();
            }
        }
        for (Thread thread : threads) {
            thread.join(10_000);
        }
        assertThat(ring.poll(check)).isFalse();
        assertThat(next).containsOnly(perProducer);
        assertThat(refused).as("the ring was full at times, so the capacity check was exercised")
            .matches((counts) -> java.util.Arrays.stream(counts).sum() > 0);
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }
}
