package dev.observability.autoconfigure.validation;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import dev.observability.autoconfigure.ObservabilityAutoConfiguration;
import dev.observability.autoconfigure.actuator.ObservabilityEndpointAutoConfiguration;
import dev.observability.autoconfigure.actuator.ObservabilityHealthAutoConfiguration;
import dev.observability.autoconfigure.actuator.ObservabilityMetricsAutoConfiguration;
import dev.observability.autoconfigure.bridge.logback.LogbackBridgeAutoConfiguration;
import dev.observability.autoconfigure.bridge.micrometer.MicrometerBridgeAutoConfiguration;
import dev.observability.autoconfigure.bridge.observation.ObservationBridgeAutoConfiguration;
import dev.observability.autoconfigure.opentelemetry.traces.OpenTelemetryAutoConfiguration;
import dev.observability.autoconfigure.prometheus.PrometheusAdapterAutoConfiguration;
import dev.observability.core.ObservabilityManager;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.opentelemetry.autoconfigure.OpenTelemetrySdkAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * Every {@code observability.*} property with each kind of bad value: the application does not start, and Boot's own
 * failure analysis (its bind and bind-validation analyzers, fed by the constraints the properties classes check on
 * themselves) names the property, the bad value, where it came from (file and line for a file) and the reason.
 */
@ExtendWith(OutputCaptureExtension.class)
class BadPropertyValueTests {

    private final ApplicationContextRunner everyAutoConfiguration = new ApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(ObservabilityAutoConfiguration.class,
                ObservabilityEndpointAutoConfiguration.class, ObservabilityHealthAutoConfiguration.class,
                ObservabilityMetricsAutoConfiguration.class, OpenTelemetryAutoConfiguration.class,
                MicrometerBridgeAutoConfiguration.class, PrometheusAdapterAutoConfiguration.class,
                ObservationBridgeAutoConfiguration.class, LogbackBridgeAutoConfiguration.class,
                // Boot's SDK, without which the OpenTelemetry adapter (and so its properties) is not considered
                OpenTelemetrySdkAutoConfiguration.class))
        .withBean(PrometheusMeterRegistry.class, () -> new PrometheusMeterRegistry(PrometheusConfig.DEFAULT));

    @ParameterizedTest(name = "{0}={1} is refused: {3}")
    @MethodSource("badValues")
    void badValueStopsStartUpWithBootsAnalysisNamingThePropertyValueOriginAndReason(String property, String value,
            String shownValue, String reason) {
        this.everyAutoConfiguration.withPropertyValues(property + "=" + value).run((context) -> {
            assertThat(context).hasFailed();
            assertBootsAnalysis(BootFailureAnalysis.of(context.getStartupFailure()), property, shownValue, reason);
        });
    }

    static Stream<Arguments> badValues() {
        String breaker = "observability.circuit-breaker.";
        String adapter = "observability.adapters.custom.";
        String percent = "must be a number from 1 to 100";
        String threshold = "must be a whole number from 1 to 100";
        String capacity = "must be a whole number from 1 to 1048576";
        String calls = "must be a whole number from 1 to 10000";
        String breakerDuration = "must be a duration from 1ms to 1d";
        String maxDelay = "must be a duration from 0ms to 1m";
        String limit = "must be a whole number from 1 to 100000";
        String notConverted = "failed to convert java.lang.String to ";
        return Stream.of(
                Arguments.of("observability.health.interval", "0s", "PT0S", "must be a duration from 10ms to 1d"),
                Arguments.of("observability.health.interval", "-1s", "PT-1S", "must be a duration from 10ms to 1d"),
                Arguments.of("observability.health.interval", "2d", "PT48H", "must be a duration from 10ms to 1d"),
                Arguments.of("observability.health.timeout", "0ms", "PT0S", "must be a duration from 1ms to 1d"),
                Arguments.of("observability.health.timeout", "-5s", "PT-5S", "must be a duration from 1ms to 1d"),
                Arguments.of("observability.health.failure-threshold", "0", "0", threshold),
                Arguments.of("observability.health.failure-threshold", "101", "101", threshold),
                Arguments.of("observability.health.failure-threshold", "-3", "-3", threshold),
                Arguments.of("observability.dispatch.queue-capacity", "0", "0", capacity),
                Arguments.of("observability.dispatch.queue-capacity", "-1", "-1", capacity),
                Arguments.of("observability.dispatch.queue-capacity", "2147483647", "2147483647", capacity),
                Arguments.of("observability.dispatch.max-delay", "-1ms", "PT-0.001S", maxDelay),
                Arguments.of("observability.dispatch.max-delay", "2m", "PT2M", maxDelay),
                Arguments.of("observability.dispatch.shutdown-timeout", "-1s", "PT-1S",
                        "must be a duration from 0ms to 1h"),
                Arguments.of("observability.dispatch.shutdown-timeout", "2h", "PT2H",
                        "must be a duration from 0ms to 1h"),
                Arguments.of("observability.dispatch.failure-log-interval", "0s", "PT0S",
                        "must be a duration from 1s to 1d"),
                Arguments.of("observability.dispatch.mode", "sideways", "sideways",
                        notConverted + "dev.observability.core.spi.DispatchMode"),
                Arguments.of("observability.logging.level", "loud", "loud",
                        notConverted + "dev.observability.core.spi.LogLevel"),
                Arguments.of(breaker + "failure-rate-threshold", "0", "0.0", percent),
                Arguments.of(breaker + "failure-rate-threshold", "100.5", "100.5", percent),
                Arguments.of(breaker + "failure-rate-threshold", "-5", "-5.0", percent),
                Arguments.of(breaker + "failure-rate-threshold", "NaN", "NaN", percent),
                Arguments.of(breaker + "sliding-window-size", "0", "0", calls),
                Arguments.of(breaker + "sliding-window-size", "20000000", "20000000", calls),
                Arguments.of(breaker + "minimum-number-of-calls", "0", "0", calls),
                Arguments.of(breaker + "wait-duration-in-open-state", "0s", "PT0S", breakerDuration),
                Arguments.of(breaker + "wait-duration-in-open-state", "PT2562047788015215H", "PT2562047788015215H",
                        breakerDuration),
                Arguments.of(breaker + "permitted-number-of-calls-in-half-open-state", "0", "0", calls),
                Arguments.of(breaker + "slow-call-duration-threshold", "-1ms", "PT-0.001S", breakerDuration),
                Arguments.of(adapter + "dispatch.queue-capacity", "0", "0", capacity),
                Arguments.of(adapter + "dispatch.queue-capacity", "1048577", "1048577", capacity),
                Arguments.of(adapter + "dispatch.max-delay", "5m", "PT5M", maxDelay),
                Arguments.of(adapter + "dispatch.mode", "later", "later",
                        notConverted + "dev.observability.core.spi.DispatchMode"),
                Arguments.of(adapter + "circuit-breaker.failure-rate-threshold", "150", "150.0", percent),
                Arguments.of(adapter + "circuit-breaker.sliding-window-size", "0", "0", calls),
                Arguments.of(adapter + "circuit-breaker.minimum-number-of-calls", "-1", "-1", calls),
                Arguments.of(adapter + "circuit-breaker.wait-duration-in-open-state", "0s", "PT0S", breakerDuration),
                Arguments.of(adapter + "circuit-breaker.permitted-number-of-calls-in-half-open-state", "10001",
                        "10001", calls),
                Arguments.of(adapter + "circuit-breaker.slow-call-duration-threshold", "-2s", "PT-2S",
                        breakerDuration),
                Arguments.of("observability.redaction.sensitive-words", "password,-_.", "[password, -_.]",
                        "must hold words such as password or api-key, not '-_.'"),
                Arguments.of("observability.metrics.micrometer-bridge.sample-interval", "0s", "PT0S",
                        "must be a duration from 1s to 1d"),
                Arguments.of("observability.prometheus.cardinality.max-label-sets-per-metric", "0", "0", limit),
                Arguments.of("observability.prometheus.cardinality.max-metric-names", "-1", "-1", limit),
                Arguments.of("observability.prometheus.cardinality.max-metric-names", "100001", "100001", limit));
    }

    @Test
    void renamedPerAdapterDispatchKeyStopsStartUpInsteadOfBeingIgnored() {
        this.everyAutoConfiguration.withPropertyValues("observability.adapters.custom.dispatch=async")
            .run((context) -> {
                assertThat(context).hasFailed();
                assertThat(BootFailureAnalysis.of(context.getStartupFailure()).getDescription())
                    .contains("Failed to bind properties under 'observability.adapters.custom.dispatch'")
                    .contains("No converter found");
            });
    }

    @ParameterizedTest(name = "{0}={1} is refused, not read as false")
    @MethodSource("notBooleans")
    void switchThatIsNotABooleanStopsStartUpInsteadOfSwitchingOff(String property, String value) {
        this.everyAutoConfiguration.withPropertyValues(property + "=" + value).run((context) -> {
            assertThat(context).hasFailed();
            assertBootsAnalysis(BootFailureAnalysis.of(context.getStartupFailure()), property, value,
                    "failed to convert java.lang.String to boolean");
        });
    }

    static Stream<Arguments> notBooleans() {
        return Stream.of(Arguments.of("observability.enabled", "maybe"),
                Arguments.of("observability.enabled", ""),
                Arguments.of("observability.enabled", "treu"),
                Arguments.of("observability.json-logging.enabled", "maybe"),
                Arguments.of("observability.prometheus.enabled", "maybe"),
                Arguments.of("observability.opentelemetry.enabled", "maybe"),
                Arguments.of("observability.metrics.enabled", "maybe"),
                Arguments.of("observability.metrics.micrometer-bridge.enabled", "maybe"),
                Arguments.of("observability.tracing.enabled", "maybe"),
                Arguments.of("observability.tracing.observation-bridge.enabled", "maybe"),
                Arguments.of("observability.logging.enabled", "maybe"),
                Arguments.of("observability.logging.logback-bridge.enabled", "maybe"),
                Arguments.of("observability.redaction.enabled", "maybe"),
                Arguments.of("observability.health.adapter-trouble-is-down", "maybe"),
                Arguments.of("observability.adapters.custom.enabled", "maybe"));
    }

    @ParameterizedTest(name = "observability.enabled={0} is on: {1}")
    @MethodSource("booleans")
    void switchIsReadAsSpringBindsABoolean(String value, boolean on) {
        this.everyAutoConfiguration.withPropertyValues("observability.enabled=" + value)
            .run((context) -> assertThat(context).hasNotFailed()
                .getBeans(ObservabilityManager.class).hasSize(on ? 1 : 0));
    }

    static Stream<Arguments> booleans() {
        return Stream.of(Arguments.of("true", true), Arguments.of("TRUE", true), Arguments.of("on", true),
                Arguments.of("yes", true), Arguments.of("false", false), Arguments.of("False", false),
                Arguments.of("off", false), Arguments.of("no", false));
    }

    /**
     * Boot's bind analysis: the property (a validated field shows as its Java name, {@code failureThreshold}, a value
     * that did not convert as its key, {@code failure-threshold}), the value, where it came from, the reason.
     */
    private static void assertBootsAnalysis(FailureAnalysis analysis, String property, String shownValue,
            String reason) {
        String description = analysis.getDescription();
        Matcher shownProperty = Pattern.compile("Property: (\\S+)").matcher(description);
        assertThat(shownProperty.find()).as("a property in %s", description).isTrue();
        assertThat(uniform(shownProperty.group(1))).as(description).isEqualTo(uniform(property));
        assertThat(description).contains("Value: \"" + shownValue + "\"")
            .contains("Origin: \"" + property)
            .containsPattern("Reason: [^\\n]*" + Pattern.quote(reason));
        assertThat(analysis.getAction()).startsWith("Update your application's configuration");
    }

    private static String uniform(String name) {
        return name.replace("-", "").toLowerCase(Locale.ROOT);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("valuesFromFiles")
    void badValueFromAFileShowsTheFileAndLine(String file, String property, String origin, CapturedOutput output) {
        SpringApplication application = new SpringApplication(Application.class);
        application.setWebApplicationType(WebApplicationType.NONE);
        application.setDefaultProperties(Map.of("spring.config.location", "classpath:/bad-values/" + file));
        assertThatException().isThrownBy(application::run);
        assertThat(output.getErr() + output.getOut()).contains("APPLICATION FAILED TO START")
            .containsPattern("Property: " + property)
            .contains("Origin: class path resource [bad-values/" + file + "] - " + origin);
    }

    static Stream<Arguments> valuesFromFiles() {
        return Stream.of(Arguments.of("threshold.properties", "observability.health.failureThreshold", "2:40"),
                Arguments.of("switch.yml", "observability.enabled", "2:12"),
                Arguments.of("adapter.yml", "observability.adapters.audit.circuit-breaker.failureRateThreshold",
                        "5:33"));
    }

    @ParameterizedTest(name = "{0}={1}")
    @MethodSource("unconvertibleValues")
    void valueOfTheWrongTypeStopsStartUpWithBootsReportNamingTheProperty(String property, String value,
            CapturedOutput output) {
        SpringApplication application = new SpringApplication(Application.class);
        application.setWebApplicationType(WebApplicationType.NONE);
        application.setDefaultProperties(Map.of(property, value));
        assertThatException().isThrownBy(application::run);
        assertThat(output.getErr() + output.getOut()).contains("APPLICATION FAILED TO START")
            .contains(property)
            .contains(value)
            .contains("Action:");
    }

    static Stream<Arguments> unconvertibleValues() {
        return Stream.of(Arguments.of("observability.health.interval", "fast"),
                Arguments.of("observability.enabled", "maybe"),
                Arguments.of("observability.dispatch.queue-capacity", "lots"),
                Arguments.of("observability.circuit-breaker.failure-rate-threshold", "half"));
    }

    @Configuration(proxyBeanMethods = false)
    @ImportAutoConfiguration(ObservabilityAutoConfiguration.class)
    static class Application {

    }
}
