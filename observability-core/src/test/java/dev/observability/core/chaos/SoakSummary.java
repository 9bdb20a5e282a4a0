package dev.observability.core.chaos;

import java.time.Duration;
import java.util.Collection;

import dev.observability.core.spi.AdapterSnapshot;
import dev.observability.core.spi.Signal;

/**
 * Prints what a soak run did, to its test output: the rounds, the heap samples and every adapter's account.
 */
public final class SoakSummary {

    private SoakSummary() {
    }

    /**
     * @param label which soak
     * @param run how long it ran
     * @param producers the producers
     * @param heap the heap samples
     * @param snapshots every adapter's state at the end
     */
    public static void print(String label, Duration run, Producers producers, HeapProbe heap,
            Collection<AdapterSnapshot> snapshots) {
        System.out.printf("%s %s: %d rounds; heap after GC (MB) %s%n", label, run, producers.recorded(Signal.LOGGING),
                heap.samples().stream().map((bytes) -> bytes / (1024 * 1024)).toList());
        snapshots.forEach((snapshot) -> System.out.printf("  %-15s %s %s%n", snapshot.name(),
                snapshot.circuitState(), snapshot.total()));
    }
}
