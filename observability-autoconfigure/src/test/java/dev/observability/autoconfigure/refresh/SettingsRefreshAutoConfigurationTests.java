package dev.observability.autoconfigure.refresh;

import dev.observability.autoconfigure.ObservabilityAutoConfiguration;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.cloud.context.environment.EnvironmentChangeEvent;

import static org.assertj.core.api.Assertions.assertThat;

class SettingsRefreshAutoConfigurationTests {

    private final ApplicationContextRunner runner = new ApplicationContextRunner().withConfiguration(
            AutoConfigurations.of(ObservabilityAutoConfiguration.class, SettingsRefreshAutoConfiguration.class));

    @Test
    void followsRefreshesWhenSpringCloudContextIsOnTheClassPath() {
        this.runner.run((context) -> assertThat(context).hasSingleBean(SettingsRefresher.class));
    }

    @Test
    void registersNothingWithoutSpringCloudContext() {
        this.runner.withClassLoader(new FilteredClassLoader(EnvironmentChangeEvent.class))
            .run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(SettingsRefresher.class));
    }

    @Test
    void registersNothingWithoutTheManager() {
        this.runner.withPropertyValues("observability.enabled=false")
            .run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(SettingsRefresher.class));
    }
}
