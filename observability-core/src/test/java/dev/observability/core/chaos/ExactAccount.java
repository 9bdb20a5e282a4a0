package dev.observability.core.chaos;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.observability.core.ObservabilityManager;
import dev.observability.core.spi.AdapterSnapshot;
import dev.observability.core.spi.Signal;
import dev.observability.core.spi.SignalCounts;
import org.assertj.core.api.SoftAssertions;

/**
 * The account of a chaos run's adapter, once the manager has stopped: the identity per signal, nothing pending, every
 * call the adapter saw counted as delivered or failed, and every recording of the producers submitted.
 */
final class ExactAccount {

    private ExactAccount() {
    }

    static void assertExactAccount(SoftAssertions softly, AdapterSnapshot snapshot, ChaosAdapter adapter,
            Producers producers) {
        for (Map.Entry<Signal, SignalCounts> entry : snapshot.counts().entrySet()) {
            Signal signal = entry.getKey();
            SignalCounts counts = entry.getValue();
            softly.assertThat(counts.pending()).as("%s %s pending after stop", adapter, signal).isZero();
            softly.assertThat(counts.submitted()).as("%s %s identity", adapter, signal)
                .isEqualTo(counts.delivered() + counts.failed() + counts.dropped() + counts.rejectedCircuitOpen()
                        + counts.rejectedDisabled() + counts.rejectedReentrant() + counts.pending());
            softly.assertThat(adapter.calls(signal)).as("%s %s calls = delivered + failed", adapter, signal)
                .isEqualTo(counts.delivered() + counts.failed());
            if (signal != Signal.HEALTH) {
                softly.assertThat(counts.submitted()).as("%s %s submitted = recorded", adapter, signal)
                    .isEqualTo(producers.recorded(signal));
            }
        }
    }

    static Map<String, AdapterSnapshot> snapshotsByName(ObservabilityManager manager) {
        Map<String, AdapterSnapshot> byName = new LinkedHashMap<>();
        manager.controls().adapters().forEach((snapshot) -> byName.put(snapshot.name(), snapshot));
        return byName;
    }
}
