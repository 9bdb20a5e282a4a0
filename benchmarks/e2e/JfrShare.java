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
 * What share of a recording's Java execution samples run the starter's code: the samples with a frame of the starter
 * ({@code dev.observability.core} or {@code dev.observability.autoconfigure}) anywhere in their stack, of all samples,
 * and those samples by the starter's frame nearest the top of the stack, the largest first. Only the samples inside the
 * measured window are counted, when a {@code .window} file beside the recording gives it (as {@code run.sh --jfr}
 * writes: its start and end in epoch milliseconds). Run by {@code java benchmarks/e2e/JfrShare.java <recording.jfr>...};
 * each file is reported alone, then all together.
 */
public final class JfrShare {

    private static final List<String> STARTER = List.of("dev.observability.core.", "dev.observability.autoconfigure.");

    private static final int TOP = 12;

    private long samples;

    private long withStarter;

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
        for (RecordedFrame frame : stack.getFrames()) {
            String type = frame.getMethod().getType().getName();
            if (STARTER.stream().anyMatch(type::startsWith)) {
                this.withStarter++;
                this.byTopStarterFrame.merge(type + "." + frame.getMethod().getName(), 1L, Long::sum);
                return;
            }
        }
    }

    private void print(String name, int top) {
        System.out.printf("%s: %d samples, %d with a starter frame (%.2f %%)%n", name, this.samples,
                this.withStarter, share(this.withStarter));
        this.byTopStarterFrame.entrySet().stream()
            .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
            .limit(top)
            .forEach((entry) -> System.out.printf("  %6.2f %%  %s%n", share(entry.getValue()), entry.getKey()));
    }

    private double share(long count) {
        return (this.samples == 0) ? 0 : 100.0 * count / this.samples;
    }
}
