package dev.observability.core.chaos;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.ArrayList;
import java.util.List;

/**
 * Samples the heap in use right after a full garbage collection, and judges whether it grew over a run: the
 * average of the last third of the samples must stay within a margin of the average of the first third. Memory
 * held by bounded structures (full queues, a fixed set of series) is reached early and stays flat; anything that
 * grows with the number of events shows as a rising last third.
 */
public final class HeapProbe {

    private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();

    private final List<Long> samples = new ArrayList<>();

    /** Collects garbage and records the heap in use. */
    public void sample() {
        System.gc();
        System.gc();
        this.samples.add(this.memory.getHeapMemoryUsage().getUsed());
    }

    /**
     * Collects garbage until the heap in use settles: two collections in a row that leave it within 1 % of each
     * other, or ten collections.
     * @return the heap in use after the last collection, in bytes
     */
    public static long settledHeap() {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        long previous = Long.MAX_VALUE;
        for (int collections = 0; collections < 10; collections++) {
            System.gc();
            long used = memory.getHeapMemoryUsage().getUsed();
            if (Math.abs(previous - used) <= used / 100) {
                return used;
            }
            previous = used;
        }
        return previous;
    }

    /** @return the samples so far, in bytes */
    public List<Long> samples() {
        return List.copyOf(this.samples);
    }

    /**
     * @param marginBytes the growth allowed between the first and the last third
     * @return why the heap is judged to have grown, or {@code null} when it is flat
     */
    public String growth(long marginBytes) {
        return growth(this.samples, marginBytes);
    }

    /**
     * @param samples heap samples in bytes, in time order (at least 3)
     * @param marginBytes the growth allowed between the first and the last third
     * @return why the heap is judged to have grown, or {@code null} when it is flat
     */
    static String growth(List<Long> samples, long marginBytes) {
        if (samples.size() < 3) {
            return "only " + samples.size() + " heap samples; at least 3 are needed";
        }
        int third = samples.size() / 3;
        double first = average(samples.subList(0, third));
        double last = average(samples.subList(samples.size() - third, samples.size()));
        if (last > first + marginBytes) {
            return String.format("heap after GC grew from %.1f MB (first third) to %.1f MB (last third), over the "
                    + "%.1f MB margin; samples %s", mb(first), mb(last), mb(marginBytes), samples);
        }
        return null;
    }

    private static double average(List<Long> values) {
        return values.stream().mapToLong(Long::longValue).average().orElse(0);
    }

    private static double mb(double bytes) {
        return bytes / (1024 * 1024);
    }
}
