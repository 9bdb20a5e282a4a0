package dev.observability.core.internal.dispatch;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

import dev.observability.core.spi.Signal;
import org.jspecify.annotations.Nullable;

/**
 * The bounded queue of an ASYNC lane: many producers, one consumer at a time, and slots allocated once. An event is
 * five values (its signal, its delivery, the delivery's subject, a second object and a number) written into the next
 * free slot, so queuing an event allocates nothing, where a queue of objects needs one object per event (and the
 * collector the work of freeing it). A slot takes 24 bytes (five array elements with compressed references).
 * <p>
 * A producer claims an index with a compare-and-set on the producer index, after checking against the consumer's
 * index that the ring holds fewer than {@code capacity} events; it then writes the slot's fields and publishes the
 * slot by setting its delivery last, with release semantics. The consumer takes the slot at its own index once the
 * delivery is there (acquire), clears the slot and moves its index on (release), which is what frees the slot for the
 * producer one lap later. Producers remember the last consumer index they read, so most offers read only the
 * producers' own cache line. The indexes sit in one array, far enough apart that the producers' and the consumer's
 * writes are on different cache lines.
 * <p>
 * Only one thread polls at a time: the lane's worker, or whoever took the consumer's role from it (see
 * {@link LaneWorker}); the role changes hands through a compare-and-set, which orders the two threads' polls.
 * <p>
 * The ring keeps the lane's queue capacity, the one place it is kept: a capacity changed at runtime within the
 * ring's slots changes what {@link #offer} accepts from then on.
 * <p>
 * What it buys: queuing an event allocates nothing on the application's thread, and most offers touch only the
 * producers' cache line; {@code AsyncLaneBenchmark.enqueue} (time and bytes per event) shows it.
 */
final class EventRing {

    private static final VarHandle SLOT = MethodHandles.arrayElementVarHandle(Object[].class);

    private static final VarHandle INDEX = MethodHandles.arrayElementVarHandle(long[].class);

    /** Where the next producer claims. */
    private static final int PRODUCER = 7;

    /** The consumer index as a producer last read it: never ahead of the consumer, so a safe bound. */
    private static final int CONSUMER_SEEN = 8;

    /** Where the consumer takes next; 15 longs (120 bytes) after the producers' indexes. */
    private static final int CONSUMER = 23;

    private final long[] indexes = new long[32];

    /** The most events the ring takes from producers, no more than its slots. */
    private volatile int capacity;

    private final int mask;

    private final @Nullable Signal[] signals;

    /** Each slot's delivery: {@code null} while the slot is free or not yet published. */
    private final @Nullable Object[] deliveries;

    private final @Nullable Object[] subjects;

    private final @Nullable Object[] details;

    private final double[] values;

    /**
     * @param capacity the most events the ring holds, as {@code dispatch.queue-capacity} allows (1 or more); its
     * slots are the smallest power of two that is not smaller
     */
    EventRing(int capacity) {
        this.capacity = capacity;
        int size = slotsFor(capacity);
        this.mask = size - 1;
        this.signals = new Signal[size];
        this.deliveries = new Object[size];
        this.subjects = new Object[size];
        this.details = new Object[size];
        this.values = new double[size];
    }

    /**
     * @param capacity a capacity, 1 or more
     * @return the slots of a ring made for it: the smallest power of two that is not smaller
     */
    static int slotsFor(int capacity) {
        int size = Integer.highestOneBit(capacity);
        return (size < capacity) ? size << 1 : size;
    }

    /**
     * Queues an event unless the ring holds {@code capacity} events. Never blocks.
     * @param signal the signal it is counted under
     * @param delivery the call to make
     * @param subject the call's subject
     * @param detail the call's second object, or {@code null}
     * @param value the call's number
     * @return the event's index (0 for the first event ever queued), or -1 when the ring was full
     */
    long offer(Signal signal, Object delivery, Object subject, @Nullable Object detail, double value) {
        return offer(signal, delivery, subject, detail, value, this.capacity);
    }

    /**
     * Queues an event unless every slot is taken, whatever the capacity: for an event handed over from a worker that
     * ended, which was counted when it was first queued. Never blocks.
     * @param signal the signal it is counted under
     * @param delivery the call to make
     * @param subject the call's subject
     * @param detail the call's second object, or {@code null}
     * @param value the call's number
     * @return the event's index, or -1 when every slot was taken
     */
    long offerPastCapacity(Signal signal, Object delivery, Object subject, @Nullable Object detail, double value) {
        return offer(signal, delivery, subject, detail, value, this.mask + 1L);
    }

    private long offer(Signal signal, Object delivery, Object subject, @Nullable Object detail, double value,
            long bound) {
        long index;
        do {
            index = (long) INDEX.getVolatile(this.indexes, PRODUCER);
            if (index - (long) INDEX.getAcquire(this.indexes, CONSUMER_SEEN) >= bound) {
                long consumed = (long) INDEX.getAcquire(this.indexes, CONSUMER);
                if (index - consumed >= bound) {
                    return -1;
                }
                INDEX.setRelease(this.indexes, CONSUMER_SEEN, consumed);
            }
        }
        while (!INDEX.compareAndSet(this.indexes, PRODUCER, index, index + 1));
        int slot = (int) index & this.mask;
        this.signals[slot] = signal;
        this.subjects[slot] = subject;
        this.details[slot] = detail;
        this.values[slot] = value;
        SLOT.setRelease(this.deliveries, slot, delivery);
        return index;
    }

    /**
     * Takes the next event, if it is there, and hands it to the handler after freeing its slot. Called by one thread
     * at a time.
     * @param handler receives the event
     * @return {@code false} when the next event is not there (the ring is empty, or its producer is still writing it)
     */
    boolean poll(QueuedEventHandler handler) {
        long index = (long) INDEX.getAcquire(this.indexes, CONSUMER);
        int slot = (int) index & this.mask;
        Object delivery = SLOT.getAcquire(this.deliveries, slot);
        if (delivery == null) {
            return false;
        }
        Signal signal = this.signals[slot];
        Object subject = this.subjects[slot];
        Object detail = this.details[slot];
        double value = this.values[slot];
        this.signals[slot] = null;
        this.subjects[slot] = null;
        this.details[slot] = null;
        this.deliveries[slot] = null;
        INDEX.setRelease(this.indexes, CONSUMER, index + 1);
        handler.handle(signal, delivery, subject, detail, value);
        return true;
    }

    /** @return the indexes claimed by producers so far (including events still being written) */
    long claimed() {
        return (long) INDEX.getVolatile(this.indexes, PRODUCER);
    }

    /** @return the events taken by the consumer so far */
    long taken() {
        return (long) INDEX.getVolatile(this.indexes, CONSUMER);
    }

    /** @return the events queued now, between 0 and the number of slots */
    int size() {
        long taken = taken();
        return (int) Math.max(0, Math.min(this.mask + 1L, claimed() - taken));
    }

    /** @return whether every claimed event has been taken */
    boolean isEmpty() {
        long taken = taken();
        return claimed() == taken;
    }

    /** @return the most events the ring takes from producers now */
    int capacity() {
        return this.capacity;
    }

    /**
     * Changes the most events the ring takes from producers; the events it holds stay.
     * @param capacity the new capacity, 1 or more and no more than the ring's slots
     */
    void capacity(int capacity) {
        this.capacity = capacity;
    }

    /** @return the slots of the ring: the most events it can hold (a power of two, at least the capacity) */
    int slots() {
        return this.mask + 1;
    }
}
