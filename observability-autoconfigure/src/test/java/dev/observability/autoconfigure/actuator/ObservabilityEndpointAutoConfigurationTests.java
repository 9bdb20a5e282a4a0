package dev.observability.autoconfigure.actuator;

import java.io.OutputStream;
import java.util.List;
import java.util.Map;

import dev.observability.autoconfigure.ObservabilityAutoConfiguration;
import dev.observability.core.ObservabilityManager;
import dev.observability.core.adapters.JsonLoggingAdapter;
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
    void listsAdaptersByNameWithConfiguredAndEffectiveStateAndCounters() {
        this.exposed.run((context) -> {
            Map<String, Object> body = context.getBean(ObservabilityEndpoint.class).adapters();
            assertThat(body).containsOnlyKeys("adapters", "refusals");
            @SuppressWarnings("unchecked")
            Map<String, Map<String, Object>> adapters = (Map<String, Map<String, Object>>) body.get("adapters");
            assertThat(adapters).containsOnlyKeys(JsonLoggingAdapter.NAME);
            assertThat(adapters.get(JsonLoggingAdapter.NAME)).containsEntry("configuredEnabled", true)
                .containsEntry("effectiveEnabled", true).containsEntry("signals", List.of("logging"))
                .containsKeys("status", "delivered", "dropped", "failed", "rejected", "queueDepth");
        });
    }

    @Test
    void describesOneAdapterAndNoneForAnUnknownName() {
        this.exposed.run((context) -> {
            ObservabilityEndpoint endpoint = context.getBean(ObservabilityEndpoint.class);
            assertThat(endpoint.adapter(JsonLoggingAdapter.NAME)).containsEntry("effectiveEnabled", true);
            assertThat(endpoint.adapter("nope")).isNull();
        });
    }

    @Test
    void switchesAnAdapterOffAndOnWith204() {
        this.exposed.run((context) -> {
            ObservabilityEndpoint endpoint = context.getBean(ObservabilityEndpoint.class);
            WebEndpointResponse<Map<String, String>> off = endpoint.configure(JsonLoggingAdapter.NAME, "false");
            assertThat(off.getStatus()).isEqualTo(204);
            assertThat(off.getBody()).isNull();
            assertThat(endpoint.adapter(JsonLoggingAdapter.NAME)).containsEntry("configuredEnabled", true)
                .containsEntry("effectiveEnabled", false).containsEntry("status", "DISABLED");
            assertThat(endpoint.configure(JsonLoggingAdapter.NAME, "true").getStatus()).isEqualTo(204);
            assertThat(endpoint.adapter(JsonLoggingAdapter.NAME)).containsEntry("effectiveEnabled", true);
        });
    }

    @Test
    void nullReturnsAnAdapterToItsConfiguredState() {
        this.exposed.withPropertyValues("observability.adapters.json-logging.enabled=false").run((context) -> {
            ObservabilityEndpoint endpoint = context.getBean(ObservabilityEndpoint.class);
            endpoint.configure(JsonLoggingAdapter.NAME, "true");
            assertThat(endpoint.adapter(JsonLoggingAdapter.NAME)).containsEntry("configuredEnabled", false)
                .containsEntry("effectiveEnabled", true);
            assertThat(endpoint.configure(JsonLoggingAdapter.NAME, null).getStatus()).isEqualTo(204);
            assertThat(endpoint.adapter(JsonLoggingAdapter.NAME)).containsEntry("effectiveEnabled", false);
        });
    }

    @Test
    void answers404ForAnUnknownAdapter() {
        this.exposed.run((context) -> {
            ObservabilityEndpoint endpoint = context.getBean(ObservabilityEndpoint.class);
            assertThat(endpoint.configure("nope", "false").getStatus()).isEqualTo(404);
            assertThat(endpoint.configure("nope", null).getStatus()).isEqualTo(404);
        });
    }

    @Test
    void answers400WithOneLineForAnythingButTrueFalseOrNull() {
        this.exposed.run((context) -> {
            ObservabilityEndpoint endpoint = context.getBean(ObservabilityEndpoint.class);
            for (String bad : List.of("maybe", "0", "yes", "TRUE", "", "two\nlines")) {
                WebEndpointResponse<Map<String, String>> answer = endpoint.configure(JsonLoggingAdapter.NAME, bad);
                assertThat(answer.getStatus()).as("%s", bad).isEqualTo(400);
                assertThat(answer.getBody()).hasEntrySatisfying("message", (message) -> assertThat(message)
                    .startsWith("'enabled' must be true, false or null").doesNotContain("\n"));
            }
            assertThat(endpoint.adapter(JsonLoggingAdapter.NAME)).containsEntry("effectiveEnabled", true);
        });
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
