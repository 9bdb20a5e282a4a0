package dev.observability.autoconfigure.actuator;

import java.io.OutputStream;
import java.util.List;
import java.util.Map;

import dev.observability.autoconfigure.ObservabilityAutoConfiguration;
import dev.observability.core.ObservabilityManager;
import dev.observability.core.logging.JsonLoggingAdapter;
import org.junit.jupiter.api.Test;

import org.springframework.boot.actuate.autoconfigure.endpoint.EndpointAutoConfiguration;
import org.springframework.boot.actuate.endpoint.web.WebEndpointResponse;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

class ObservabilityEndpointAutoConfigurationTests {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(ObservabilityAutoConfiguration.class,
                ObservabilityEndpointAutoConfiguration.class, EndpointAutoConfiguration.class))
        .withBean(JsonLoggingAdapter.class, () -> new JsonLoggingAdapter(OutputStream.nullOutputStream()));

    private final ApplicationContextRunner exposed = this.runner
        .withPropertyValues("management.endpoints.web.exposure.include=observability");

    @Test
    void isNotAvailableUnlessExposed() {
        this.runner.run((context) -> assertThat(context).doesNotHaveBean(ObservabilityEndpoint.class));
    }

    @Test
    void listsAdaptersWithStateAndCounters() {
        this.exposed.run((context) -> {
            Map<String, Object> body = context.getBean(ObservabilityEndpoint.class).adapters();
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> adapters = (List<Map<String, Object>>) body.get("adapters");
            assertThat(adapters).singleElement().satisfies((adapter) -> assertThat(adapter)
                .containsEntry("name", JsonLoggingAdapter.NAME).containsEntry("signals", List.of("logging"))
                .containsEntry("enabled", true)
                .containsKeys("status", "delivered", "dropped", "failed", "rejected", "queueDepth"));
            assertThat(body).containsKey("refusals");
        });
    }

    @Test
    void describesOneAdapterAndNoneForAnUnknownName() {
        this.exposed.run((context) -> {
            ObservabilityEndpoint endpoint = context.getBean(ObservabilityEndpoint.class);
            assertThat(endpoint.adapter(JsonLoggingAdapter.NAME)).containsEntry("name", JsonLoggingAdapter.NAME);
            assertThat(endpoint.adapter("nope")).isNull();
        });
    }

    @Test
    void switchesAnAdapterOffAndOn() {
        this.exposed.run((context) -> {
            ObservabilityEndpoint endpoint = context.getBean(ObservabilityEndpoint.class);
            ObservabilityManager manager = context.getBean(ObservabilityManager.class);
            WebEndpointResponse<Map<String, Object>> off = endpoint.setEnabled(JsonLoggingAdapter.NAME, false);
            assertThat(off.getStatus()).isEqualTo(200);
            assertThat(off.getBody()).containsEntry("enabled", false).containsEntry("status", "DISABLED");
            assertThat(manager.adapter(JsonLoggingAdapter.NAME).orElseThrow().enabled()).isFalse();
            endpoint.setEnabled(JsonLoggingAdapter.NAME, true);
            assertThat(manager.adapter(JsonLoggingAdapter.NAME).orElseThrow().enabled()).isTrue();
        });
    }

    @Test
    void answers404WhenSwitchingAnUnknownAdapter() {
        this.exposed.run((context) -> assertThat(
                context.getBean(ObservabilityEndpoint.class).setEnabled("nope", false).getStatus())
            .isEqualTo(404));
    }

    @Test
    void backsOffWithoutActuator() {
        new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ObservabilityAutoConfiguration.class,
                    ObservabilityEndpointAutoConfiguration.class))
            .withClassLoader(new FilteredClassLoader("org.springframework.boot.actuate"))
            .withPropertyValues("management.endpoints.web.exposure.include=observability")
            .run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(ObservabilityEndpoint.class)
                .hasSingleBean(ObservabilityManager.class));
    }

    @Test
    void backsOffWhenObservabilityIsDisabled() {
        this.exposed.withPropertyValues("observability.enabled=false")
            .run((context) -> assertThat(context).doesNotHaveBean(ObservabilityEndpoint.class));
    }

    @Test
    void usesTheUsersEndpoint() {
        ObservabilityEndpoint own = new ObservabilityEndpoint(ObservabilityManager.builder().build());
        this.exposed.withBean(ObservabilityEndpoint.class, () -> own)
            .run((context) -> assertThat(context.getBean(ObservabilityEndpoint.class)).isSameAs(own));
    }
}
