package dev.observability.autoconfigure.prometheus;

import dev.observability.autoconfigure.micrometer.MicrometerAdapterSettings;
import dev.observability.core.ObservabilityManager;
import dev.observability.core.chaos.HeapProbe;
import dev.observability.core.spi.InputRefusal;
import dev.observability.core.spi.Labels;
import dev.observability.core.spi.Signal;
import dev.observability.core.spi.SignalCounts;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;

/**
 * Bad input: a million distinct values of one label, recorded through the manager into the Prometheus adapter on a
 * real {@link PrometheusMeterRegistry}. The cardinality guard admits exactly its limit of label sets, refuses and
 * counts the rest under {@code cardinality}, says so once in the application log, and what stays in memory is the
 * admitted series, not the million values.
 */
@ExtendWith(OutputCaptureExtension.class)
class MillionLabelValuesTests {

    private static final int VALUES = 1_000_000;

    private static final int LIMIT = MicrometerAdapterSettings.DEFAULT_MAX_LABEL_SETS_PER_METRIC;

    /** Heap allowed to remain after a full GC: the admitted series take about 1 MB; a million kept values, 100+. */
    private static final long RETAINED_BOUND = 16L * 1024 * 1024;

    @Test
    void aMillionDistinctLabelValuesAreBoundedByTheGuardCountedAndLoggedOnce(CapturedOutput output) {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        PrometheusMetricsAdapter adapter = new PrometheusMetricsAdapter(registry, MicrometerAdapterSettings.DEFAULTS);
        HeapProbe heap = new HeapProbe();
        try (ObservabilityManager manager = ObservabilityManager.builder().adapter(adapter).build()) {
            manager.start();
            heap.sample();
            assertThatNoException().isThrownBy(() -> {
                for (int i = 0; i < VALUES; i++) {
                    manager.counter("requests", 1, Labels.of("user", "user-" + i));
                }
            });
            heap.sample();

            assertThat(registry.find("requests").counters()).as("series registered").hasSize(LIMIT);
            assertThat(registry.getMeters()).as("meters in the registry").hasSize(LIMIT);
            assertThat(registry.scrape().lines().filter((line) -> line.startsWith("requests_total{")))
                .as("series in the scrape").hasSize(LIMIT);
            assertThat(manager.controls().refusals().count(InputRefusal.CARDINALITY)).isEqualTo(VALUES - LIMIT);
            for (InputRefusal other : InputRefusal.values()) {
                if (other != InputRefusal.CARDINALITY) {
                    assertThat(manager.controls().refusals().count(other)).as("refusals counted as %s", other).isZero();
                }
            }
            assertThat(adapter.health().details()).containsEntry("meters", LIMIT)
                .containsEntry("refused", (long) (VALUES - LIMIT));
            SignalCounts counts = manager.controls()
                .lane(PrometheusMetricsAdapter.NAME).orElseThrow().counts(Signal.METRICS);
            assertThat(counts.submitted()).isEqualTo(VALUES);
            assertThat(counts.failed()).as("a refusal is the adapter's decision, not a failure").isZero();
        }
        long retained = heap.samples().get(1) - heap.samples().get(0);
        System.out.printf("a million label values: heap after GC %.1f MB before, %.1f MB after (%+.1f MB)%n",
                mb(heap.samples().get(0)), mb(heap.samples().get(1)), mb(retained));
        assertThat(retained).as("heap retained after a million distinct label values, bytes")
            .isLessThan(RETAINED_BOUND);
        assertThat(output.getAll().split("metric 'requests' has " + LIMIT + " label sets, its limit", -1))
            .as("reports of the refusals in the application log").hasSize(2);
        assertThat(output.getAll()).contains("label keys: user").doesNotContain("user-" + (VALUES - 1));
    }

    private static double mb(long bytes) {
        return bytes / (1024.0 * 1024.0);
    }
}
