package dev.observability.core.spi;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

class MetricTests {

    @Test
    void aNamedMetricHasNoDescriptionAndNoBaseUnit() {
        Metric metric = Metric.named("orders.placed");
        assertThat(metric.name()).isEqualTo("orders.placed");
        assertThat(metric.description()).isNull();
        assertThat(metric.baseUnit()).isNull();
    }

    @Test
    void withersReturnANewMetricAndLeaveTheOriginalAsItWas() {
        Metric plain = Metric.named("payload.size");
        Metric described = plain.withDescription("Request payloads").withBaseUnit("bytes");
        assertThat(described.description()).isEqualTo("Request payloads");
        assertThat(described.baseUnit()).isEqualTo("bytes");
        assertThat(plain.description()).isNull();
        assertThat(plain.baseUnit()).isNull();
        assertThat(described).isEqualTo(Metric.named("payload.size").withBaseUnit("bytes")
            .withDescription("Request payloads")).isNotEqualTo(plain);
    }

    @Test
    void aNullOrBlankDescriptionOrBaseUnitMeansNone() {
        Metric metric = Metric.named("jobs").withDescription("Jobs").withBaseUnit("jobs");
        assertThat(metric.withDescription(null).description()).isNull();
        assertThat(metric.withDescription("  ").description()).isNull();
        assertThat(metric.withBaseUnit(null).baseUnit()).isNull();
        assertThat(metric.withBaseUnit("").baseUnit()).isNull();
    }

    @Test
    void aLoneSurrogateInTheDescriptionIsReplacedLikeInLabelValues() {
        assertThat(Metric.named("jobs").withDescription("bad \uD800 text").description()).isEqualTo("bad \uFFFD text");
    }

    @Test
    void aNullNameIsAProgrammingError() {
        assertThatNullPointerException().isThrownBy(() -> Metric.named(null));
    }

    @Test
    void anIdentityCarriesTheDescriptionAndBaseUnitButIsEqualByNameAndLabelsOnly() {
        Labels labels = Labels.of("region", "eu");
        MetricId described = new MetricId(Metric.named("orders").withDescription("Orders").withBaseUnit("orders"),
                labels);
        MetricId plain = new MetricId("orders", labels);
        assertThat(described.description()).isEqualTo("Orders");
        assertThat(described.baseUnit()).isEqualTo("orders");
        assertThat(plain.description()).isNull();
        assertThat(plain.baseUnit()).isNull();
        assertThat(described).isEqualTo(plain).hasSameHashCodeAs(plain);
    }
}
