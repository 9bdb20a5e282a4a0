import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

/**
 * What share of a recording's Java execution samples run the starter's code: the samples whose top frame is the
 * starter's ({@code dev.observability.core} or {@code dev.observability.autoconfigure}), its own work, by method, the
 * largest first; and the samples with a frame of the starter anywhere in their stack, which also counts the work of
 * what the starter calls (an exporter it wraps, an adapter's backend), by the starter's frame nearest the top. Only the samples inside the
 * measured window are counted, when a {@code .window} file beside the recording gives it (as {@code run.sh --jfr}
 * writes: its start and end in epoch milliseconds). Run by {@code java benchmarks/e2e/JfrShare.java <recording.jfr>...};
 * each file is reported alone, then all together.
 */
public final class JfrShare {

    private static final List<String> STARTER = List.of("dev.observability.core.", "dev.observability.autoconfigure.");

    private static final int TOP = 12;

    private long samples;

    private long withStarter;

    private long onTop;

    private final Map<String, Long> byOwnFrame = new HashMap<>();

    private final Map<String, Long> byTopStarterFrame = new HashMap<>();

    public static void main(String[] args) throws IOException {
        JfrShare all = new JfrShare();
        for (String file : args) {
            JfrShare one = new JfrShare();
            Instant[] window = window(Path.of(file.replaceFirst("\\.jfr$", ".window")));
            for (RecordedEvent event : RecordingFile.readAllEvents(Path.of(file))) {
                if (event.getEventType().getName().equals("jdk.ExecutionSample")
                        && !event.getStartTime().isBefore(window[0]) && !event.getStartTime().isAfter(window[1])) {
                    one.add(event.getStackTrace());
                    all.add(event.getStackTrace());
                }
            }
            one.print(Path.of(file).getFileName().toString(), TOP);
        }
        if (args.length > 1) {
            all.print("all " + args.length + " recordings", TOP);
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

    private void add(RecordedStackTrace stack) {
        this.samples++;
        if (stack == null) {
            return;
        }
        List<RecordedFrame> frames = stack.getFrames();
        if (!frames.isEmpty() && isStarters(frames.get(0))) {
            this.onTop++;
            this.byOwnFrame.merge(name(frames.get(0)), 1L, Long::sum);
        }
        for (RecordedFrame frame : frames) {
            if (isStarters(frame)) {
                this.withStarter++;
                this.byTopStarterFrame.merge(name(frame), 1L, Long::sum);
                return;
            }
        }
    }

    private static boolean isStarters(RecordedFrame frame) {
        String type = frame.getMethod().getType().getName();
        return STARTER.stream().anyMatch(type::startsWith);
    }

    private static String name(RecordedFrame frame) {
        return frame.getMethod().getType().getName() + "." + frame.getMethod().getName();
    }

    private void print(String name, int top) {
        System.out.printf("%s: %d samples; the starter's own code on top in %d (%.2f %%), a starter frame anywhere in %d"
                + " (%.2f %%)%n", name, this.samples, this.onTop, share(this.onTop), this.withStarter,
                share(this.withStarter));
        System.out.println("  the starter's own code, by method:");
        largest(this.byOwnFrame, top);
        System.out.println("  a starter frame anywhere, by the starter's frame nearest the top:");
        largest(this.byTopStarterFrame, top);
    }

    private void largest(Map<String, Long> counts, int top) {
        counts.entrySet().stream()
            .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
            .limit(top)
            .forEach((entry) -> System.out.printf("    %6.2f %%  %s%n", share(entry.getValue()), entry.getKey()));
    }

    private double share(long count) {
        return (this.samples == 0) ? 0 : 100.0 * count / this.samples;
    }
}
