package dev.observability.core.virtual;

import java.lang.management.ManagementFactory;
import java.lang.reflect.Method;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The bytes a call allocates on the heap, on a platform thread that runs every call and on a new virtual thread
 * per call (as a server with virtual threads runs each request). Measured with the JVM's per-thread allocation
 * counters summed over every platform thread: a virtual thread's allocations count on the carrier it runs on, so
 * the sum sees them too. A measurement is not counted when a thread ended meanwhile (its counter gone) or when a
 * thread's counter went back (read, from another thread, while that thread changed its allocation buffer); a thread
 * started meanwhile is not seen. What a new virtual thread or a task costs by itself (measured with a call that records
 * nothing) is subtracted, so both figures are the call's own; each call runs after one thread-local is set on its
 * thread, as a server's request thread (Spring's request context, the logging MDC) always has one. Virtual threads
 * are made by reflection, so this compiles on the Java 17 baseline; its tests run on Java 21 and later. Each figure
 * is the least of a few measurements: whatever else the JVM allocates meanwhile (its own threads, the build's) only
 * adds to a figure.
 */
public final class ThreadAllocation {

    private static final ThreadLocal<Boolean> REQUEST_STATE = new ThreadLocal<>();

    /**
     * How virtual threads are named, followed by a number, as Boot's Tomcat names its request threads (whose name
     * each log line records: Logback composes one, per event, for a virtual thread without a name).
     */
    private static final String REQUEST_THREAD_NAME = "tomcat-handler-";

    /** What {@link Snapshot#allocatedSince} answers when the bytes allocated since are not known. */
    private static final long UNKNOWN = -1;

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
    public ThreadAllocation(int calls, int measurements) {
        this.calls = calls;
        this.measurements = measurements;
    }

    /**
     * @return the bytes one call allocates on a platform thread that runs every call as a task of its own (as a
     * server's pool of platform threads runs requests), beyond what handing it a task costs
     */
    public double onReusedPlatformThread(Runnable call) throws Exception {
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
    public double onNewVirtualThreads(Runnable call) throws Exception {
        onEachNewVirtualThread(call);
        onEachNewVirtualThread(NOTHING);
        return least(() -> onEachNewVirtualThread(call)) - least(() -> onEachNewVirtualThread(NOTHING));
    }

    /**
     * @return the least bytes one call allocated, over calls each run as a task of one reused platform thread while
     * no other thread allocated: exact where a call's bytes do not vary
     */
    public long leastOnReusedPlatformThread(Runnable call) throws Exception {
        LeastOfRuns least = new LeastOfRuns(call);
        ExecutorService thread = Executors.newSingleThreadExecutor();
        try {
            onTasksOf(thread, least);
            onTasksOf(thread, least);
        }
        finally {
            thread.shutdown();
        }
        return least.bytes;
    }

    /**
     * @return the least bytes one call allocated, over calls each the first on a new virtual thread while no other
     * thread allocated: exact where a call's bytes do not vary, and free of what the thread costs
     */
    public long leastOnNewVirtualThreads(Runnable call) throws Exception {
        LeastOfRuns least = new LeastOfRuns(call);
        onEachNewVirtualThread(least);
        onEachNewVirtualThread(least);
        return least.bytes;
    }

    /**
     * @return the bytes a call allocates the first time it runs on a new virtual thread beyond what it allocates the
     * second time on the same thread: what the state it keeps per thread costs each new thread, free of what the
     * thread costs and of the code being compiled otherwise than on a platform thread (each the least over every
     * thread, after as many threads to warm up)
     */
    public double firstCallExtraOnNewVirtualThreads(Runnable call) throws Exception {
        LeastOfRuns first = new LeastOfRuns(call);
        LeastOfRuns second = new LeastOfRuns(call);
        Runnable twice = () -> {
            first.run();
            second.run();
        };
        onEachNewVirtualThread(twice);
        onEachNewVirtualThread(twice);
        return first.bytes - second.bytes;
    }

    private double least(Measurement measurement) throws Exception {
        double least = Double.MAX_VALUE;
        for (int i = 0; i < this.measurements; i++) {
            least = Math.min(least, measurement.bytesPerCall());
        }
        return least;
    }

    /**
     * A call that keeps the least bytes any of its runs allocated, counting only runs during which no other thread
     * allocated (such as a lane's worker delivering an earlier call's events); run by one thread at a time.
     */
    private final class LeastOfRuns implements Runnable {

        private final Runnable call;

        private long bytes = Long.MAX_VALUE;

        LeastOfRuns(Runnable call) {
            this.call = call;
        }

        @Override
        public void run() {
            Snapshot start = new Snapshot();
            this.call.run();
            long bytes = start.allocatedByOneThreadSince();
            if (bytes != UNKNOWN) {
                this.bytes = Math.min(this.bytes, bytes);
            }
        }
    }

    /** One measurement of the bytes per call. */
    @FunctionalInterface
    private interface Measurement {

        double bytesPerCall() throws Exception;
    }

    private double onTasksOf(ExecutorService thread, Runnable call) throws Exception {
        Snapshot before = new Snapshot();
        for (int i = 0; i < this.calls; i++) {
            thread.submit(asRequest(call)).get();
        }
        return perCall(before.allocatedSince());
    }

    private double onEachNewVirtualThread(Runnable call) throws Exception {
        Method ofVirtual = Thread.class.getMethod("ofVirtual");
        Class<?> builderType = Class.forName("java.lang.Thread$Builder");
        Object builder = builderType.getMethod("name", String.class, long.class)
            .invoke(ofVirtual.invoke(null), REQUEST_THREAD_NAME, 0L);
        Method unstarted = builderType.getMethod("unstarted", Runnable.class);
        Snapshot before = new Snapshot();
        for (int i = 0; i < this.calls; i++) {
            Thread thread = (Thread) unstarted.invoke(builder, asRequest(call));
            thread.start();
            thread.join();
        }
        return perCall(before.allocatedSince());
    }

    /** @return the bytes per call, or the largest figure (which no least is) when they are not known */
    private double perCall(long bytes) {
        return (bytes != UNKNOWN) ? (double) bytes / this.calls : Double.MAX_VALUE;
    }

    /**
     * The platform threads alive when a measurement starts and the bytes each had allocated: read again one by one
     * when it ends, so that the end allocates nothing (while a threads' list would grow with the number of threads).
     */
    private final class Snapshot {

        private final long[] ids = ThreadAllocation.this.threads.getAllThreadIds();

        private final long[] bytes = new long[this.ids.length];

        Snapshot() {
            for (int i = 0; i < this.ids.length; i++) {
                this.bytes[i] = ThreadAllocation.this.threads.getThreadAllocatedBytes(this.ids[i]);
            }
        }

        /**
         * @return the bytes these threads allocated since the snapshot, or {@link #UNKNOWN} when one of them has
         * ended since or its counter went back
         */
        long allocatedSince() {
            return allocatedSince(this.ids.length);
        }

        /**
         * @return the bytes one of these threads allocated since the snapshot, or {@link #UNKNOWN} when another one
         * allocated too, or one has ended since or its counter went back
         */
        long allocatedByOneThreadSince() {
            return allocatedSince(1);
        }

        private long allocatedSince(int mostThreads) {
            long sum = 0;
            int allocating = 0;
            for (int i = 0; i < this.ids.length; i++) {
                long bytes = ThreadAllocation.this.threads.getThreadAllocatedBytes(this.ids[i]) - this.bytes[i];
                if (this.bytes[i] < 0 || bytes < 0) {
                    return UNKNOWN;
                }
                sum += bytes;
                allocating += (bytes > 0) ? 1 : 0;
            }
            return (allocating <= mostThreads) ? sum : UNKNOWN;
        }
    }

    private static Runnable asRequest(Runnable call) {
        return () -> {
            NOTHING.run();
            call.run();
        };
    }
}
