package dev.observability.core.virtual;

import java.lang.management.ManagementFactory;
import java.lang.reflect.Method;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The bytes a call allocates on the heap, on a platform thread that runs every call and on a new virtual thread
 * per call (as a server with virtual threads runs each request). Measured with the JVM's per-thread allocation
 * counters summed over every platform thread: a virtual thread's allocations count on the carrier it runs on, so
 * the sum sees them too. What a new virtual thread or a task costs by itself (measured with a call that records
 * nothing) is subtracted, so both figures are the call's own; each call runs after one thread-local is set on its
 * thread, as a server's request thread (Spring's request context, the logging MDC) always has one. Virtual threads
 * are made by reflection, so this compiles on the Java 17 baseline; its tests run on Java 21 and later. Each figure
 * is the least of a few measurements: whatever else the JVM allocates meanwhile (its own threads, the build's) only
 * adds to a figure.
 */
final class ThreadAllocation {

    private static final ThreadLocal<Boolean> REQUEST_STATE = new ThreadLocal<>();

    /** A request that records nothing but, as on every server, keeps some state of its own in thread-locals. */
    private static final Runnable NOTHING = () -> REQUEST_STATE.set(Boolean.TRUE);

    private final com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory
        .getThreadMXBean();

    private final int calls;

    private final int measurements;

    /**
     * @param calls how many calls each measurement is averaged over, after as many calls to warm up
     * @param measurements how many measurements each figure is the least of
     */
    ThreadAllocation(int calls, int measurements) {
        this.calls = calls;
        this.measurements = measurements;
    }

    /**
     * @return the bytes one call allocates on a platform thread that runs every call as a task of its own (as a
     * server's pool of platform threads runs requests), beyond what handing it a task costs
     */
    double onReusedPlatformThread(Runnable call) throws Exception {
        ExecutorService thread = Executors.newSingleThreadExecutor();
        try {
            onTasksOf(thread, call);
            onTasksOf(thread, NOTHING);
            return least(() -> onTasksOf(thread, call)) - least(() -> onTasksOf(thread, NOTHING));
        }
        finally {
            thread.shutdown();
        }
    }

    /** @return the bytes one call allocates on a new virtual thread, beyond what the thread costs */
    double onNewVirtualThreads(Runnable call) throws Exception {
        onEachNewVirtualThread(call);
        onEachNewVirtualThread(NOTHING);
        return least(() -> onEachNewVirtualThread(call)) - least(() -> onEachNewVirtualThread(NOTHING));
    }

    /**
     * @return the bytes a call allocates the first time it runs on a new virtual thread beyond what it allocates the
     * second time on the same thread: what the state it keeps per thread costs each new thread, free of what the
     * thread costs and of the code being compiled otherwise than on a platform thread (each the least over every
     * thread, after as many threads to warm up)
     */
    double firstCallExtraOnNewVirtualThreads(Runnable call) throws Exception {
        long[] least = { Long.MAX_VALUE, Long.MAX_VALUE };
        Runnable twice = () -> {
            NOTHING.run();
            long start = allocatedByEveryThread();
            call.run();
            long first = allocatedByEveryThread();
            call.run();
            long second = allocatedByEveryThread();
            least[0] = Math.min(least[0], first - start);
            least[1] = Math.min(least[1], second - first);
        };
        onEachNewVirtualThread(twice);
        onEachNewVirtualThread(twice);
        return least[0] - least[1];
    }

    private double least(Measurement measurement) throws Exception {
        double least = Double.MAX_VALUE;
        for (int i = 0; i < this.measurements; i++) {
            least = Math.min(least, measurement.bytesPerCall());
        }
        return least;
    }

    /** One measurement of the bytes per call. */
    @FunctionalInterface
    private interface Measurement {

        double bytesPerCall() throws Exception;
    }

    private double onTasksOf(ExecutorService thread, Runnable call) throws Exception {
        long before = allocatedByEveryThread();
        for (int i = 0; i < this.calls; i++) {
            thread.submit(asRequest(call)).get();
        }
        return (double) (allocatedByEveryThread() - before) / this.calls;
    }

    private double onEachNewVirtualThread(Runnable call) throws Exception {
        Method ofVirtual = Thread.class.getMethod("ofVirtual");
        Object builder = ofVirtual.invoke(null);
        Method unstarted = Class.forName("java.lang.Thread$Builder").getMethod("unstarted", Runnable.class);
        long before = allocatedByEveryThread();
        for (int i = 0; i < this.calls; i++) {
            Thread thread = (Thread) unstarted.invoke(builder, asRequest(call));
            thread.start();
            thread.join();
        }
        return (double) (allocatedByEveryThread() - before) / this.calls;
    }

    private long allocatedByEveryThread() {
        long sum = 0;
        for (long allocated : this.threads.getThreadAllocatedBytes(this.threads.getAllThreadIds())) {
            sum += Math.max(0, allocated);
        }
        return sum;
    }

    private static Runnable asRequest(Runnable call) {
        return () -> {
            NOTHING.run();
            call.run();
        };
    }
}
