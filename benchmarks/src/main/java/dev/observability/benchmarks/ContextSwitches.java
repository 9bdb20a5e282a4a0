package dev.observability.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;

/**
 * The context switches of the whole JVM (every thread in {@code /proc/self/task/*}/status: voluntary, a thread that
 * blocked or parked, and nonvoluntary, one the kernel took the core from) per 1,000 operations of an iteration,
 * reported next to the score as {@code ctxSwitchesPer1000Ops}. JMH's own threads switch too, a few times per
 * iteration, so the figure is what the benchmark causes plus a small constant. A benchmark method calls
 * {@link #count()} once per operation. Like {@link CallerAllocation}, each measured iteration reports its share
 * ({@link IterationShare}), so the sum JMH prints is the mean. Reads nothing (and reports 0) where {@code /proc} is missing.
 */
@State(Scope.Thread)
@AuxCounters(AuxCounters.Type.EVENTS)
public class ContextSwitches {

    private static final Path TASKS = Path.of("/proc/self/task");

    /** Context switches of the JVM per 1,000 operations in the last iteration. */
    public double ctxSwitchesPer1000Ops;

    private long operations;

    private long switchesAtStart;

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
        this.switchesAtStart = now();
    }

    /** Counts one operation. */
    public void count() {
        this.operations++;
    }

    /**
     * Counts several operations.
     * @param count how many
     */
    public void count(int count) {
        this.operations += count;
    }

    /** Computes the iteration's figure. */
    @TearDown(Level.Iteration)
    public void stop() {
        long switches = now() - this.switchesAtStart;
        this.ctxSwitchesPer1000Ops = (this.operations > 0) ? 1000.0 * switches / this.operations / this.share : 0;
    }

    /** @return the context switches of every thread of this JVM so far (threads that ended are not counted) */
    static long now() {
        if (!Files.isDirectory(TASKS)) {
            return 0;
        }
        long total = 0;
        try (DirectoryStream<Path> tasks = Files.newDirectoryStream(TASKS)) {
            for (Path task : tasks) {
                total += switchesOf(task.resolve("status"));
            }
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        return total;
    }

    private static long switchesOf(Path status) throws IOException {
        long switches = 0;
        try {
            for (String line : Files.readAllLines(status)) {
                if (line.startsWith("voluntary_ctxt_switches:") || line.startsWith("nonvoluntary_ctxt_switches:")) {
                    switches += Long.parseLong(line.substring(line.indexOf(':') + 1).trim());
                }
            }
        }
        catch (NoSuchFileException ex) {
            // the thread ended while the directory was read
        }
        return switches;
    }
}
