package dev.observability.core;

import java.time.Duration;

import dev.observability.core.dispatch.LaneSettings;
import dev.observability.core.spi.DispatchMode;
import dev.observability.core.spi.Labels;
import dev.observability.core.spi.Metric;
import dev.observability.core.spi.MetricId;
import dev.observability.core.testing.RecordingMetrics;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A metric's description and base unit reach the adapters with each recording, through the look-up methods and the
 * pre-bound handles alike; a plain name carries none.
 */
class MetricDescriptionTests {

    private static final LaneSettings INLINE = LaneSettings.DEFAULTS.withDispatch(DispatchMode.INLINE);

    private static final Metric PAYLOAD = Metric.named("payload.size").withDescription("Request payloads")
        .withBaseUnit("bytes");

    private static final Metric CHECKOUT = Metric.named("checkout.duration").withDescription("Checkout steps");

    private final RecordingMetrics adapter = new RecordingMetrics("recording");

    @Test
    void theLookUpMethodsHandEveryKindOfMetricItsDescriptionAndBaseUnit() {
        try (ObservabilityManager manager = started()) {
            manager.counter(PAYLOAD, 3, Labels.empty());
            manager.gauge(PAYLOAD, 4, Labels.empty());
            manager.histogram(PAYLOAD, 5, Labels.empty());
            manager.timing(CHECKOUT, Duration.ofMillis(6), Labels.empty());
        }
        assertThat(this.adapter.ids).extracting(MetricId::description).containsExactly("Request payloads",
                "Request payloads", "Request payloads", "Checkout steps");
        assertThat(this.adapter.ids).extracting(MetricId::baseUnit).containsExactly("bytes", "bytes", "bytes", null);
    }

    @Test
    void thePreBoundHandlesHandEveryKindOfMetricItsDescriptionAndBaseUnit() {
        try (ObservabilityManager manager = started()) {
            manager.counterHandle(PAYLOAD, Labels.of("route", "a")).increment();
            manager.gaugeHandle(PAYLOAD, Labels.of("route", "a")).set(1);
            manager.histogramHandle(PAYLOAD, Labels.of("route", "a")).record(1);
            manager.timingHandle(CHECKOUT, Labels.of("step", "pay")).record(Duration.ofMillis(1));
        }
        assertThat(this.adapter.ids).extracting(MetricId::description).containsExactly("Request payloads",
                "Request payloads", "Request payloads", "Checkout steps");
        assertThat(this.adapter.ids).extracting(MetricId::baseUnit).containsExactly("bytes", "bytes", "bytes", null);
        assertThat(this.adapter.ids).extracting(MetricId::toString).containsExactly("payload.size{route=a}",
                "payload.size{route=a}", "payload.size{route=a}", "checkout.duration{step=pay}");
    }

    @Test
    void aPlainNameCarriesNoDescriptionAndNoBaseUnit() {
        try (ObservabilityManager manager = started()) {
            manager.counter("orders.placed", Labels.empty());
            manager.counterHandle("orders.placed", Labels.empty()).increment();
        }
        assertThat(this.adapter.ids).hasSize(2).allSatisfy((id) -> {
            assertThat(id.description()).isNull();
            assertThat(id.baseUnit()).isNull();
        });
    }

    @Test
    void eachRecordingOfANameHandsTheAdaptersItsOwnDescriptionEvenWhenTheSeriesIsCached() {
        Metric other = Metric.named("payload.size").withDescription("Another text");
        try (ObservabilityManager manager = started()) {
            manager.counter(PAYLOAD, Labels.empty());
            manager.counter(other, Labels.empty());
            manager.counter("payload.size", Labels.empty());
            manager.counter(PAYLOAD, Labels.empty());
        }
        assertThat(this.adapter.ids).extracting(MetricId::description).containsExactly("Request payloads",
                "Another text", null, "Request payloads");
    }

    private ObservabilityManager started() {
        ObservabilityManager manager = ObservabilityManager.builder().adapter(this.adapter, INLINE).build();
        manager.start();
        return manager;
    }
}
