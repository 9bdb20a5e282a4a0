package dev.observability.autoconfigure.validation;

import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

import dev.observability.autoconfigure.ObservabilityAutoConfiguration;
import dev.observability.autoconfigure.actuator.ObservabilityEndpointAutoConfiguration;
import dev.observability.autoconfigure.actuator.ObservabilityHealthAutoConfiguration;
import dev.observability.autoconfigure.actuator.ObservabilityMetricsAutoConfiguration;
import dev.observability.autoconfigure.bridge.LogbackBridgeAutoConfiguration;
import dev.observability.autoconfigure.bridge.MicrometerBridgeAutoConfiguration;
import dev.observability.autoconfigure.bridge.ObservationBridgeAutoConfiguration;
import dev.observability.autoconfigure.opentelemetry.OpenTelemetryAutoConfiguration;
import dev.observability.autoconfigure.prometheus.PrometheusAdapterAutoConfiguration;
import dev.observability.core.ObservabilityManager;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * Every {@code observability.*} property with each kind of bad value: the application does not start, and the
 * failure analysis Boot prints names the property and the bad value and says how to fix it.
 */
@ExtendWith(OutputCaptureExtension.class)
class BadPropertyValueTests {

    private static final List<FailureAnalyzer> OUR_ANALYZERS = List.of(
            new ObservabilityConfigurationFailureAnalyzer(), new ObservabilityBindFailureAnalyzer());

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(ObservabilityAutoConfiguration.class,
                OpenTelemetryAutoConfiguration.class));

    private final ApplicationContextRunner everyAutoConfiguration = new ApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(ObservabilityAutoConfiguration.class,
                ObservabilityEndpointAutoConfiguration.class, ObservabilityHealthAutoConfiguration.class,
                ObservabilityMetricsAutoConfiguration.class, OpenTelemetryAutoConfiguration.class,
                MicrometerBridgeAutoConfiguration.class, PrometheusAdapterAutoConfiguration.class,
                ObservationBridgeAutoConfiguration.class, LogbackBridgeAutoConfiguration.class));

    @ParameterizedTest(name = "{0}={1} is refused, shown as {2}")
    @MethodSource("badValues")
    void badValueStopsStartUpWithAnAnalysisNamingThePropertyAndTheFix(String property, String value, String shown) {
        this.runner.withPropertyValues(property + "=" + value).run((context) -> {
            assertThat(context).hasFailed();
            FailureAnalysis analysis = analysisOf(context.getStartupFailure());
            assertThat(analysis.getDescription()).contains("'" + property + "'").contains("'" + shown + "'");
            assertThat(analysis.getAction()).contains(property);
        });
    }

    static Stream<Arguments> badValues() {
        String breaker = "observability.circuit-breaker.";
        String adapter = "observability.adapters.custom.";
        String otel = "observability.opentelemetry.";
        return Stream.of(
                Arguments.of("observability.health.interval", "0s", "0s"),
                Arguments.of("observability.health.interval", "-1s", "-1s"),
                Arguments.of("observability.health.timeout", "0ms", "0s"),
                Arguments.of("observability.health.timeout", "-5s", "-5s"),
                Arguments.of("observability.health.failure-threshold", "0", "0"),
                Arguments.of("observability.health.failure-threshold", "101", "101"),
                Arguments.of("observability.health.failure-threshold", "-3", "-3"),
                Arguments.of("observability.dispatch.queue-capacity", "0", "0"),
                Arguments.of("observability.dispatch.queue-capacity", "-1", "-1"),
                Arguments.of("observability.dispatch.shutdown-timeout", "-1s", "-1s"),
                Arguments.of("observability.dispatch.failure-log-interval", "0s", "0s"),
                Arguments.of("observability.dispatch.mode", "sideways", "sideways"),
                Arguments.of("observability.logging.level", "loud", "loud"),
                Arguments.of("observability.json-logging.output", "file", "file"),
                Arguments.of(breaker + "failure-rate-threshold", "0", "0"),
                Arguments.of(breaker + "failure-rate-threshold", "100.5", "100.5"),
                Arguments.of(breaker + "failure-rate-threshold", "-5", "-5"),
                Arguments.of(breaker + "failure-rate-threshold", "NaN", "NaN"),
                Arguments.of(breaker + "sliding-window-size", "0", "0"),
                Arguments.of(breaker + "minimum-number-of-calls", "0", "0"),
                Arguments.of(breaker + "wait-duration-in-open-state", "0s", "0s"),
                Arguments.of(breaker + "permitted-calls-in-half-open-state", "0", "0"),
                Arguments.of(breaker + "slow-call-duration-threshold", "-1ms", "-0.001s"),
                Arguments.of(adapter + "queue-capacity", "0", "0"),
                Arguments.of(adapter + "dispatch", "later", "later"),
                Arguments.of(adapter + "circuit-breaker.failure-rate-threshold", "150", "150"),
                Arguments.of(adapter + "circuit-breaker.sliding-window-size", "0", "0"),
                Arguments.of(adapter + "circuit-breaker.minimum-number-of-calls", "-1", "-1"),
                Arguments.of(adapter + "circuit-breaker.wait-duration-in-open-state", "0s", "0s"),
                Arguments.of(adapter + "circuit-breaker.permitted-calls-in-half-open-state", "0", "0"),
                Arguments.of(adapter + "circuit-breaker.slow-call-duration-threshold", "-2s", "-2s"),
                Arguments.of("observability.redaction.keys[0]", "-_.", "-_."),
                Arguments.of(otel + "protocol", "ftp", "ftp"),
                Arguments.of(otel + "sampling-probability", "1.5", "1.5"),
                Arguments.of(otel + "sampling-probability", "-0.1", "-0.1"),
                Arguments.of(otel + "timeout", "0s", "PT0S"),
                Arguments.of(otel + "endpoint", "not a url", "not a url"),
                Arguments.of(otel + "endpoint", "ftp://127.0.0.1/v1/traces", "ftp://127.0.0.1/v1/traces"));
    }

    @ParameterizedTest(name = "{0}={1} is refused, not read as false")
    @MethodSource("notBooleans")
    void switchThatIsNotABooleanStopsStartUpInsteadOfSwitchingOff(String property, String value) {
        this.everyAutoConfiguration.withPropertyValues(property + "=" + value).run((context) -> {
            assertThat(context).hasFailed();
            FailureAnalysis analysis = analysisOf(context.getStartupFailure());
            assertThat(analysis.getDescription())
                .isEqualTo("Invalid value '" + value + "' for property '" + property + "'"
                        + originIfBound(analysis) + ": it must be true or false.");
            assertThat(analysis.getAction()).startsWith("Set '" + property + "' to true or false");
        });
    }

    static Stream<Arguments> notBooleans() {
        return Stream.of(Arguments.of("observability.enabled", "maybe"),
                Arguments.of("observability.enabled", ""),
                Arguments.of("observability.enabled", "treu"),
                Arguments.of("observability.json-logging.enabled", "maybe"),
                Arguments.of("observability.prometheus.enabled", "maybe"),
                Arguments.of("observability.opentelemetry.enabled", "maybe"),
                Arguments.of("observability.opentelemetry.replace-exporter-log", "maybe"),
                Arguments.of("observability.metrics.enabled", "maybe"),
                Arguments.of("observability.metrics.micrometer-bridge.enabled", "maybe"),
                Arguments.of("observability.tracing.enabled", "maybe"),
                Arguments.of("observability.tracing.observation-bridge.enabled", "maybe"),
                Arguments.of("observability.logging.enabled", "maybe"),
                Arguments.of("observability.logging.logback-bridge.enabled", "maybe"),
                Arguments.of("observability.logging.logback-bridge.replace-console", "maybe"),
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

    private static FailureAnalysis analysisOf(Throwable failure) {
        return OUR_ANALYZERS.stream()
            .map((analyzer) -> analyzer.analyze(failure))
            .filter(Objects::nonNull)
            .findFirst()
            .orElseThrow(() -> new AssertionError("no analysis for " + failure));
    }

    /** A bound property's analysis says where the value came from; a switch read by a condition does not. */
    private static String originIfBound(FailureAnalysis analysis) {
        String description = analysis.getDescription();
        int from = description.indexOf(" (from ");
        return (from < 0) ? "" : description.substring(from, description.indexOf("): it must") + 1);
    }

    @ParameterizedTest(name = "{0}={1}")
    @MethodSource("unconvertibleValues")
    void valueOfTheWrongTypeStopsStartUpWithBootsReportNamingTheProperty(String property, String value,
            CapturedOutput output) {
        SpringApplication application = new SpringApplication(Application.class);
        application.setWebApplicationType(WebApplicationType.NONE);
        application.setDefaultProperties(java.util.Map.of(property, value));
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
