package dev.observability.benchmarks;

import java.lang.management.ManagementFactory;

import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;

/**
 * What the benchmark's own thread spent per operation in an iteration, reported next to the score: the bytes it
 * allocated ({@code callerBytesPerOp}) and its CPU time ({@code callerCpuNsPerOp}). {@code -prof gc}'s {@code B/op}
 * divides the allocation of every thread by the operations, so a lane worker's or a batch processor's bytes show there
 * too; this is the caller's thread alone, which is what the targets of Boot's paths are about. The CPU time leaves out
 * the time the thread waited for a core, which on a loaded machine is most of the score (wall time); it includes what
 * the thread pays for cache misses and system calls. A benchmark method calls {@link #count()} once per operation.
 * <p>
 * JMH sums an event counter over the measured iterations of every fork; each measured iteration therefore reports its
 * share (its figure divided by the number of measured iterations and of forks), so the sum JMH prints is their mean.
 */
@State(Scope.Thread)
@AuxCounters(AuxCounters.Type.EVENTS)
public class CallerAllocation {

    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    /** Bytes the calling thread allocated per operation in the last iteration. */
    public double callerBytesPerOp;

    /** CPU time of the calling thread per operation in the last iteration, in nanoseconds. */
    public double callerCpuNsPerOp;

    private long operations;

    private long allocatedAtStart;

    private long cpuAtStart;

    private int share = 1;

    /**
     * Starts counting.
     * @param benchmark the run's forks
     * @param iteration the iteration's kind and count
     */
    @Setup(Level.Iteration)
    public void start(BenchmarkParams benchmark, IterationParams iteration) {
        this.share = IterationShare.of(benchmark, iteration);
        this.operations = 0;
        this.allocatedAtStart = THREADS.getCurrentThreadAllocatedBytes();
        this.cpuAtStart = THREADS.getCurrentThreadCpuTime();
    }

    /** Counts one operation. */
    public void count() {
        this.operations++;
    }

    /** Computes the iteration's figure. */
    @TearDown(Level.Iteration)
    public void stop() {
        long cpu = THREADS.getCurrentThreadCpuTime() - this.cpuAtStart;
        long allocated = THREADS.getCurrentThreadAllocatedBytes() - this.allocatedAtStart;
        this.callerBytesPerOp = perOperation(allocated);
        this.callerCpuNsPerOp = perOperation(cpu);
    }

    private double perOperation(long total) {
        return (this.operations > 0) ? (double) total / this.operations / this.share : 0;
    }
}
