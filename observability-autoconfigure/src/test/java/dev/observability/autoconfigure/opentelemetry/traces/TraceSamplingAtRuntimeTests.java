package dev.observability.autoconfigure.opentelemetry.traces;

import java.util.Map;

import dev.observability.autoconfigure.ObservabilityAutoConfiguration;
import dev.observability.autoconfigure.actuator.ObservabilityEndpoint;
import dev.observability.autoconfigure.opentelemetry.ExportOutcomes;
import dev.observability.autoconfigure.opentelemetry.SwitchedOnExports;
import dev.observability.core.ManagerSetting;
import dev.observability.core.ManagerSettings;
import dev.observability.core.ObservabilityControls;
import dev.observability.core.ObservabilityManager;
import dev.observability.core.settings.SettingsChange;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.trace.samplers.Sampler;
import org.junit.jupiter.api.Test;

import org.springframework.boot.actuate.endpoint.web.WebEndpointResponse;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.micrometer.tracing.autoconfigure.MicrometerTracingAutoConfiguration;
import org.springframework.boot.micrometer.tracing.opentelemetry.autoconfigure.OpenTelemetryTracingAutoConfiguration;
import org.springframework.boot.opentelemetry.autoconfigure.OpenTelemetrySdkAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The trace sampling probability changed at runtime in Boot's real OpenTelemetry SDK: the spans Boot's
 * {@code SdkTracerProvider} samples are those a span processor of its counts as they end sampled.
 */
class TraceSamplingAtRuntimeTests {

    private static final int TRACES = 1000;

    /** What a span processor of Boot's SDK counts: the spans that end sampled. */
    private final ExportOutcomes sampled = SwitchedOnExports.spans();

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(ObservabilityAutoConfiguration.class,
                OpenTelemetryAutoConfiguration.class, OpenTelemetrySdkAutoConfiguration.class,
                OpenTelemetryTracingAutoConfiguration.class, MicrometerTracingAutoConfiguration.class))
        .withBean("sampledSpans", EndedSpanCounter.class, () -> new EndedSpanCounter(this.sampled))
        .withPropertyValues("management.tracing.sampling.probability=0.0");

    @Test
    void rootSpansFollowTheProbabilityInForceAndAChildFollowsItsParent() {
        this.runner.run((context) -> {
            ObservabilityControls controls = context.getBean(ObservabilityManager.class).controls();
            Tracer tracer = context.getBean(OpenTelemetry.class).getTracer("test");
            assertThat(controls.configuredSettings().samplingProbability()).isEqualTo(0f);
            roots(tracer, TRACES);
            assertThat(sampledSpans()).isZero();
            controls.changeSettings(SettingsChange.of(ManagerSetting.SAMPLING_PROBABILITY, 1f));
            roots(tracer, TRACES);
            assertThat(sampledSpans()).isEqualTo(TRACES);
            Span parent = tracer.spanBuilder("begun before the change").startSpan();
            controls.changeSettings(SettingsChange.of(ManagerSetting.SAMPLING_PROBABILITY, 0f));
            Span child = tracer.spanBuilder("child").setParent(Context.root().with(parent)).startSpan();
            Span root = tracer.spanBuilder("begun after the change").startSpan();
            assertThat(child.getSpanContext().isSampled()).as("a child of a sampled parent").isTrue();
            assertThat(root.getSpanContext().isSampled()).as("a new trace").isFalse();
            assertThat(controls.settings().samplingProbability()).isEqualTo(0f);
            assertThat(controls.configuredSettings().samplingProbability()).isEqualTo(0f);
        });
    }

    @Test
    void withoutAChangeTheSamplerDecidesAsBootsOwn() {
        this.runner.withPropertyValues("management.tracing.sampling.probability=0.25").run((context) -> {
            Sampler sampler = context.getBean(Sampler.class);
            assertThat(sampler).isInstanceOf(ChangeableRatioSampler.class);
            assertThat(sampler.getDescription())
                .isEqualTo(Sampler.parentBased(Sampler.traceIdRatioBased(0.25f)).getDescription());
        });
    }

    @Test
    void anApplicationsOwnSamplerIsLeftAloneAndTheProbabilityDoesNotChange() {
        this.runner.withBean(Sampler.class, Sampler::alwaysOn).run((context) -> {
            assertThat(context.getBean(Sampler.class).getDescription()).isEqualTo("AlwaysOnSampler");
            ObservabilityControls controls = context.getBean(ObservabilityManager.class).controls();
            assertThat(controls.settings().samplingProbability()).isNull();
            assertThatIllegalArgumentException()
                .isThrownBy(() -> controls.changeSettings(SettingsChange.of(ManagerSetting.SAMPLING_PROBABILITY, 1f)))
                .withMessage("tracing.sampling.probability cannot change: the application has no trace sampler the "
                        + "starter can change");
            assertThat(controls.settingsChanges()).isZero();
        });
    }

    @Test
    void theEndpointRefusesAProbabilityOutOfRangeWithOneLineAndChangesNothing() {
        this.runner.run((context) -> {
            ObservabilityManager manager = context.getBean(ObservabilityManager.class);
            ManagerSettings before = manager.controls().settings();
            WebEndpointResponse<Map<String, String>> response = new ObservabilityEndpoint(manager)
                .configureManager(Map.of("tracing.sampling.probability", 1.5), null);
            assertThat(response.getStatus()).isEqualTo(400);
            assertThat(response.getBody()).containsEntry("message",
                    "tracing.sampling.probability must be a number from 0 to 1, not 1.5");
            assertThat(manager.controls().settings()).isEqualTo(before);
            assertThat(new ObservabilityEndpoint(manager)
                .configureManager(Map.of("tracing", Map.of("sampling", Map.of("probability", "0.5"))), null)
                .getStatus()).isEqualTo(204);
            assertThat(manager.controls().settings().samplingProbability()).isEqualTo(0.5f);
        });
    }

    private long sampledSpans() {
        return (Long) this.sampled.health().details().get("spans.ended");
    }

    private static void roots(Tracer tracer, int count) {
        for (int i = 0; i < count; i++) {
            tracer.spanBuilder("root").startSpan().end();
        }
    }
}
