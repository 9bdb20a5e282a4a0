package dev.observability.autoconfigure.refresh;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

import dev.observability.autoconfigure.RecordingAdapter;
import dev.observability.core.ObservabilityControls;
import dev.observability.core.ObservabilityManager;
import dev.observability.core.dispatch.LaneSetting;
import dev.observability.core.dispatch.LaneSettings;
import dev.observability.core.dispatch.LaneView;
import dev.observability.core.settings.SettingsChange;
import dev.observability.core.spi.DispatchMode;
import dev.observability.core.spi.LogLevel;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesBindException;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.cloud.context.refresh.ContextRefresher;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * A refresh of the configuration by Spring Cloud's own {@link ContextRefresher} (which re-reads the configuration
 * files, as after a Config Server change or {@code /actuator/refresh}, and publishes the changed keys) in a real
 * application: the file under {@code spring.config.additional-location} changes, and the running lanes and manager
 * follow by the endpoint's rules.
 */
@ExtendWith(OutputCaptureExtension.class)
class SettingsRefreshTests {

    private static final String REFUSED = "Observability settings not changed by a configuration refresh";

    @TempDir
    Path directory;

    private ConfigurableApplicationContext context;

    private ObservabilityControls controls;

    @BeforeEach
    void start() throws IOException {
        configure("observability.adapters.audit.dispatch.queue-capacity=1024");
        this.context = new SpringApplicationBuilder(Application.class).web(WebApplicationType.NONE)
            .bannerMode(Banner.Mode.OFF)
            .properties("management.otlp.metrics.export.enabled=false")
            .run("--spring.config.additional-location=file:" + this.directory + "/");
        this.controls = this.context.getBean(ObservabilityManager.class).controls();
    }

    @AfterEach
    void stop() {
        this.context.close();
    }

    @Test
    void aRefreshChangesALanesQueueCapacityAndSwitchAndTheManagersLevel(CapturedOutput output) throws IOException {
        long changesBefore = audit().settingsChanges();
        configure("observability.adapters.audit.dispatch.queue-capacity=2048",
                "observability.adapters.audit.enabled=false", "observability.logging.level=warn");
        Set<String> keys = refresh();
        assertThat(keys).contains("observability.adapters.audit.dispatch.queue-capacity",
                "observability.adapters.audit.enabled", "observability.logging.level");
        assertThat(audit().settings().queueCapacity()).isEqualTo(2048);
        assertThat(audit().configuredSettings().queueCapacity()).isEqualTo(2048);
        assertThat(audit().isEnabled()).isFalse();
        assertThat(audit().snapshot().queueCapacity()).isEqualTo(2048);
        assertThat(this.controls.minimumLevel()).isEqualTo(LogLevel.WARN);
        assertThat(this.controls.configuredSettings().minimumLevel()).isEqualTo(LogLevel.WARN);
        assertThat(audit().settingsChanges()).isEqualTo(changesBefore + 2);
        assertThat(output.getOut().lines()
            .filter((line) -> line.contains("settings of adapter 'audit' configured by " + SettingsRefresher.BY))
            .toList()).singleElement()
            .satisfies((line) -> assertThat(line).contains("enabled true ", "dispatch.queue-capacity 1024 "));
        assertThat(lines(output, REFUSED)).isZero();
    }

    @Test
    void aRefreshWithABadValueChangesNothingAndLogsOneLineNamingTheKeyTheValueAndTheRule(CapturedOutput output)
            throws IOException {
        LaneSettings before = audit().settings();
        long changesBefore = audit().settingsChanges() + this.controls.settingsChanges();
        configure("observability.adapters.audit.dispatch.queue-capacity=0", "observability.logging.level=debug");
        refreshRefusedBySpringCloudsRebinding();
        assertThat(audit().settings()).isEqualTo(before);
        assertThat(audit().configuredSettings()).isEqualTo(before);
        assertThat(this.controls.minimumLevel()).isEqualTo(LogLevel.INFO);
        assertThat(audit().settingsChanges() + this.controls.settingsChanges()).isEqualTo(changesBefore);
        assertThat(lines(output, REFUSED)).isEqualTo(1);
        assertThat(lines(output, "observability.adapters.audit.dispatch.queue-capacity = '0': must be a whole number "
                + "from 1 to 1048576")).isEqualTo(1);
        SettingsRefresher refresher = this.context.getBean(SettingsRefresher.class);
        assertThat(refresher.refusals()).isEqualTo(1);
        assertThat(this.context.getBean(MeterRegistry.class)
            .get("observability.settings.refresh.refusals")
            .functionCounter()
            .count()).isEqualTo(1);
    }

    @Test
    void aRefusalIsScrapedAsTheSeriesTheShippedDashboardAndAlertRulesSelect() throws IOException {
        configure("observability.adapters.audit.dispatch.queue-capacity=0");
        refreshRefusedBySpringCloudsRebinding();
        assertThat(this.context.getBean(PrometheusMeterRegistry.class).scrape().lines())
            .contains("observability_settings_refresh_refusals_total 1.0");
    }

    @Test
    void aValueOfTheWrongTypeIsRefusedTheSameWay(CapturedOutput output) throws IOException {
        LaneSettings before = audit().settings();
        configure("observability.adapters.audit.dispatch.queue-capacity=lots");
        refreshRefusedBySpringCloudsRebinding();
        assertThat(audit().settings()).isEqualTo(before);
        assertThat(lines(output, "observability.adapters.audit.dispatch.queue-capacity = 'lots': cannot be read as "))
            .isEqualTo(1);
    }

    @Test
    void anEndpointOverrideStaysInForceAcrossARefreshUntilItIsReset() throws IOException {
        this.controls.changeSettings("audit", SettingsChange.of(LaneSetting.QUEUE_CAPACITY, 5000));
        configure("observability.adapters.audit.dispatch.queue-capacity=2048",
                "observability.adapters.audit.dispatch.max-delay=5ms");
        refresh();
        assertThat(audit().configuredSettings().queueCapacity()).isEqualTo(2048);
        assertThat(audit().settings().queueCapacity()).as("the override").isEqualTo(5000);
        assertThat(audit().settings().maxDelay()).as("not overridden: follows the configuration")
            .hasMillis(5);
        this.controls.changeSettings("audit", SettingsChange.<LaneSettings>none().reset(LaneSetting.QUEUE_CAPACITY));
        assertThat(audit().settings().queueCapacity()).isEqualTo(2048);
    }

    @Test
    void aRefreshOfBootsSamplingProbabilityChangesTheSamplingInForce() throws IOException {
        assertThat(this.controls.settings().samplingProbability()).isEqualTo(0.1f);
        configure("observability.adapters.audit.dispatch.queue-capacity=1024",
                "management.tracing.sampling.probability=1.0");
        refresh();
        assertThat(this.controls.configuredSettings().samplingProbability()).isEqualTo(1f);
        assertThat(this.controls.settings().samplingProbability()).isEqualTo(1f);
    }

    private LaneView audit() {
        return this.controls.lane("audit").orElseThrow();
    }

    private Set<String> refresh() {
        return this.context.getBean(ContextRefresher.class).refresh();
    }

    /**
     * Refreshes with a value the properties refuse: Spring Cloud's rebinding of the properties bean, which listens to
     * the same event, fails too and throws to the caller of the refresh, as {@code /actuator/refresh} would answer.
     */
    private void refreshRefusedBySpringCloudsRebinding() {
        assertThat(catchThrowable(this::refresh)).isInstanceOf(ConfigurationPropertiesBindException.class);
    }

    private void configure(String... lines) throws IOException {
        Files.write(this.directory.resolve("application.properties"), java.util.List.of(lines));
    }

    private static long lines(CapturedOutput output, String text) {
        return output.getOut().lines().filter((line) -> line.contains(text)).count();
    }

    @Configuration(proxyBeanMethods = false)
    @EnableAutoConfiguration
    static class Application {

        @Bean
        RecordingAdapter audit() {
            return new RecordingAdapter("audit") {

                @Override
                public DispatchMode preferredDispatch() {
                    return DispatchMode.ASYNC;
                }
            };
        }
    }
}
