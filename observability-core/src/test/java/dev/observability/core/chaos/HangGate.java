package dev.observability.core.chaos;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Makes every {@code every}-th call hang until {@link #release()} is called, as a backend that stops answering
 * now and then. {@link #open()} releases the hung call and stops hanging for good.
 */
public final class HangGate implements ChaosAdapter.Behaviour {

    private final long every;

    private final AtomicLong count = new AtomicLong();

    private volatile CountDownLatch latch = new CountDownLatch(1);

    private volatile boolean open;

    private final AtomicLong hangs = new AtomicLong();

    /** @param every how many calls go by between two hangs */
    public HangGate(long every) {
        this.every = every;
    }

    @Override
    public void act() {
        if (this.open || this.count.incrementAndGet() % this.every != 0) {
            return;
        }
        this.hangs.incrementAndGet();
        CountDownLatch current = this.latch;
        boolean interrupted = false;
        while (!this.open && current.getCount() > 0) {
            try {
                current.await();
            }
            catch (InterruptedException ex) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** Releases the call hanging now, if any; the next hang waits for the next release. */
    public void release() {
        CountDownLatch current = this.latch;
        this.latch = new CountDownLatch(1);
        current.countDown();
    }

    /** Releases the hung call and never hangs again. */
    public void open() {
        this.open = true;
        release();
    }

    /** @return how many times a call hung */
    public long hangs() {
        return this.hangs.get();
    }
}
