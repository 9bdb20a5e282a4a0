import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordedThread;
import jdk.jfr.consumer.RecordingFile;

/**
 * What share of a recording's Java execution samples run the starter's code: the samples whose top frame is the
 * starter's ({@code dev.observability.core} or {@code dev.observability.autoconfigure}), its own work, by method, the
 * largest first; and the samples with a frame of the starter anywhere in their stack, which also counts the work of
 * what the starter calls (an exporter it wraps, an adapter's backend), by the starter's frame nearest the top. The same
 * for the bytes JFR's allocation samples estimate ({@code jdk.ObjectAllocationSample}, by their weight), with the
 * threads that allocated them, so what the starter allocates on the application's request threads shows apart from
 * its lanes' and exporters' threads; and each thread pool's share of the whole. Only the events inside the measured window are counted, when a {@code .window}
 * file beside the recording gives it (as {@code run.sh --jfr} writes: its start and end in epoch milliseconds). Run by
 * {@code java benchmarks/e2e/JfrShare.java <recording.jfr>...}; each file is reported alone, then all together.
 */
public final class JfrShare {

    private static final List<String> STARTER = List.of("dev.observability.core.", "dev.observability.autoconfigure.");

    private static final int TOP = 12;

    private final Tally cpu = new Tally("samples", "");

    private final Tally allocation = new Tally("bytes allocated (estimated)", " B");

    /** The time the events counted cover: from the first to the last of each recording, summed. */
    private Duration span = Duration.ZERO;

    private Instant first = Instant.MAX;

    private Instant last = Instant.MIN;

    public static void main(String[] args) throws IOException {
        JfrShare all = new JfrShare();
        for (String file : args) {
            JfrShare one = new JfrShare();
            Instant[] window = window(Path.of(file.replaceFirst("\\.jfr$", ".window")));
            for (RecordedEvent event : RecordingFile.readAllEvents(Path.of(file))) {
                if (!event.getStartTime().isBefore(window[0]) && !event.getStartTime().isAfter(window[1])) {
                    one.add(event);
                    all.add(event);
                }
            }
            one.span = Duration.between(one.first, one.last);
            all.span = all.span.plus(one.span);
            one.print(Path.of(file).getFileName().toString());
        }
        if (args.length > 1) {
            all.print("all " + args.length + " recordings");
        }
    }

    /** @return the window's start and end, or all of time when there is no window file */
    private static Instant[] window(Path file) throws IOException {
        if (!Files.exists(file)) {
            return new Instant[] { Instant.MIN, Instant.MAX };
        }
        String[] bounds = Files.readString(file).trim().split("\\s+");
        return new Instant[] { Instant.ofEpochMilli(Long.parseLong(bounds[0])),
                Instant.ofEpochMilli(Long.parseLong(bounds[1])) };
    }

    private void add(RecordedEvent event) {
        Instant time = event.getStartTime();
        this.first = (time.isBefore(this.first)) ? time : this.first;
        this.last = (time.isAfter(this.last)) ? time : this.last;
        switch (event.getEventType().getName()) {
            case "jdk.ExecutionSample" -> this.cpu.add(event, 1);
            case "jdk.ObjectAllocationSample" -> this.allocation.add(event, event.getLong("weight"));
            default -> {
            }
        }
    }

    private void print(String name) {
        double seconds = Math.max(this.span.toMillis(), 1) / 1000.0;
        this.cpu.print(name, seconds);
        if (this.allocation.total > 0) {
            this.allocation.print(name, seconds);
        }
    }

    private static boolean isStarters(RecordedFrame frame) {
        String type = frame.getMethod().getType().getName();
        return STARTER.stream().anyMatch(type::startsWith);
    }

    private static String name(RecordedFrame frame) {
        return frame.getMethod().getType().getName() + "." + frame.getMethod().getName();
    }

    /** A thread's name with its numbers left out, so a pool's threads count as one. */
    private static String threadKind(RecordedEvent event) {
        RecordedThread thread = event.hasField("sampledThread") ? event.getThread("sampledThread") : event.getThread();
        String name = (thread == null) ? null : thread.getJavaName();
        return (name == null) ? "(unnamed)" : name.replaceAll("\\d+", "N");
    }

    /** Events weighed by one measure (a sample each, or the bytes an allocation sample stands for). */
    private static final class Tally {

        private final String measure;

        private final String unit;

        private long total;

        private long withStarter;

        private long onTop;

        private final Map<String, Long> byOwnFrame = new HashMap<>();

        private final Map<String, Long> byTopStarterFrame = new HashMap<>();

        private final Map<String, Long> byThread = new HashMap<>();

        private final Map<String, Long> withStarterByThread = new HashMap<>();

        Tally(String measure, String unit) {
            this.measure = measure;
            this.unit = unit;
        }

        void add(RecordedEvent event, long weight) {
            this.total += weight;
            this.byThread.merge(threadKind(event), weight, Long::sum);
            RecordedStackTrace stack = event.getStackTrace();
            if (stack == null) {
                return;
            }
            List<RecordedFrame> frames = stack.getFrames();
            if (!frames.isEmpty() && isStarters(frames.get(0))) {
                this.onTop += weight;
                this.byOwnFrame.merge(name(frames.get(0)), weight, Long::sum);
            }
            for (RecordedFrame frame : frames) {
                if (isStarters(frame)) {
                    this.withStarter += weight;
                    this.byTopStarterFrame.merge(name(frame), weight, Long::sum);
                    this.withStarterByThread.merge(threadKind(event), weight, Long::sum);
                    return;
                }
            }
        }

        void print(String name, double seconds) {
            System.out.printf("%s: %d %s (%.0f%s per second); the starter's own code on top in %d (%.2f %%), a starter"
                    + " frame anywhere in %d (%.2f %%)%n", name, this.total, this.measure, this.total / seconds,
                    this.unit, this.onTop, share(this.onTop), this.withStarter, share(this.withStarter));
            System.out.println("  all, by thread:");
            largest(this.byThread);
            System.out.println("  the starter's own code, by method:");
            largest(this.byOwnFrame);
            System.out.println("  a starter frame anywhere, by the starter's frame nearest the top:");
            largest(this.byTopStarterFrame);
            System.out.println("  a starter frame anywhere, by thread:");
            largest(this.withStarterByThread);
        }

        private void largest(Map<String, Long> counts) {
            counts.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .limit(TOP)
                .forEach((entry) -> System.out.printf("    %6.2f %%  %s%n", share(entry.getValue()), entry.getKey()));
        }

        private double share(long weight) {
            return (this.total == 0) ? 0 : 100.0 * weight / this.total;
        }
    }
}
