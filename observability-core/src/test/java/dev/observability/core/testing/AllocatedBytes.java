package dev.observability.core.testing;

import java.lang.management.ManagementFactory;

/**
 * The bytes the calling thread allocates, for tests of what a recording costs the application's thread.
 */
public final class AllocatedBytes {

    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    private AllocatedBytes() {
    }

    /**
     * @param calls how many times to call
     * @param call what to call
     * @return the bytes the calling thread allocated per call
     */
    public static double perCall(int calls, Runnable call) {
        long before = THREADS.getCurrentThreadAllocatedBytes();
        for (int i = 0; i < calls; i++) {
            call.run();
        }
        return (double) (THREADS.getCurrentThreadAllocatedBytes() - before) / calls;
    }
}
