package dev.observability.autoconfigure;

import java.time.Duration;
import java.util.Map;

import dev.observability.core.dispatch.LaneSettings;
import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

class LanePropertiesTests {

    @Test
    void maxDelayIsTheCoresDefaultUnlessSetForEveryLaneOrForOneAdapter() {
        assertThat(LaneProperties.defaults(bind(Map.of())).maxDelay()).isEqualTo(LaneSettings.DEFAULT_MAX_DELAY);
        ObservabilityProperties properties = bind(Map.of("observability.dispatch.max-delay", "1s",
                "observability.adapters.audit.dispatch.max-delay", "0", "observability.adapters.other.enabled", "true"));
        LaneSettings defaults = LaneProperties.defaults(properties);
        assertThat(defaults.maxDelay()).isEqualTo(Duration.ofSeconds(1));
        assertThat(LaneProperties.forAdapter(defaults, properties.getAdapters().get("audit")).maxDelay())
            .isEqualTo(Duration.ZERO);
        assertThat(LaneProperties.forAdapter(defaults, properties.getAdapters().get("other")).maxDelay())
            .isEqualTo(Duration.ofSeconds(1));
    }

    private static ObservabilityProperties bind(Map<String, String> properties) {
        return new Binder(new MapConfigurationPropertySource(properties)).bindOrCreate("observability",
                ObservabilityProperties.class);
    }
}
