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
 * are made by reflection, so this compiles on the Java 17 baseline; its tests run on Java 21 and later.
 */
final class ThreadAllocation {

    private static final ThreadLocal<Boolean> REQUEST_STATE = new ThreadLocal<>();

    /** A request that records nothing but, as on every server, keeps some state of its own in thread-locals. */
    private static final Runnable NOTHING = () -> REQUEST_STATE.set(Boolean.TRUE);

    private final com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory
        .getThreadMXBean();

    private final int calls;

    /** @param calls how many calls each figure is averaged over, after as many calls to warm up */
    ThreadAllocation(int calls) {
        this.calls = calls;
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
            return onTasksOf(thread, call) - onTasksOf(thread, NOTHING);
        }
        finally {
            thread.shutdown();
        }
    }

    /** @return the bytes one call allocates on a new virtual thread, beyond what the thread costs */
    double onNewVirtualThreads(Runnable call) throws Exception {
        onEachNewVirtualThread(call);
        onEachNewVirtualThread(NOTHING);
        return onEachNewVirtualThread(call) - onEachNewVirtualThread(NOTHING);
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
