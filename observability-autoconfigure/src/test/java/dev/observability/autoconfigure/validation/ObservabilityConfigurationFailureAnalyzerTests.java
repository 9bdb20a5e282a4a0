package dev.observability.autoconfigure.validation;

import java.util.List;

import dev.observability.autoconfigure.ObservabilityAutoConfiguration;
import dev.observability.core.logging.LoggingAdapter;
import dev.observability.core.logging.LogEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.support.SpringFactoriesLoader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

@ExtendWith(OutputCaptureExtension.class)
class ObservabilityConfigurationFailureAnalyzerTests {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(ObservabilityAutoConfiguration.class));

    @Test
    void explainsAThresholdOutsideOneToHundred() {
        assertAnalysis("observability.circuit-breaker.failure-rate-threshold=150",
                "Invalid value '150' for property 'observability.circuit-breaker.failure-rate-threshold'",
                "Set 'observability.circuit-breaker.failure-rate-threshold' to a number from 1 to 100, or remove it"
                        + " to use the default (50).");
    }

    @Test
    void explainsAHealthFailureThresholdOutsideOneToHundred() {
        assertAnalysis("observability.health.failure-threshold=0",
                "Invalid value '0' for property 'observability.health.failure-threshold'", "default (3)");
    }

    @Test
    void explainsACapacityBelowOne() {
        assertAnalysis("observability.dispatch.queue-capacity=0",
                "Invalid value '0' for property 'observability.dispatch.queue-capacity'",
                "a whole number of 1 or more, or remove it to use the default (8192)");
    }

    @Test
    void explainsAnAdaptersCapacityBelowOne() {
        assertAnalysis("observability.adapters.json-logging.queue-capacity=-5",
                "Invalid value '-5' for property 'observability.adapters.json-logging.queue-capacity'",
                "observability.dispatch.queue-capacity");
    }

    @Test
    void explainsANonPositiveInterval() {
        assertAnalysis("observability.health.interval=0s",
                "Invalid value '0s' for property 'observability.health.interval'", "a positive duration");
    }

    @Test
    void explainsANonPositiveTimeout() {
        assertAnalysis("observability.health.timeout=-1s",
                "Invalid value '-1s' for property 'observability.health.timeout'", "default (5s)");
    }

    @Test
    void explainsAnUnknownDispatchMode() {
        this.runner.withPropertyValues("observability.dispatch.mode=fast").run((context) -> {
            FailureAnalysis analysis = analyze(context.getStartupFailure());
            assertThat(analysis.getDescription())
                .contains("Invalid value 'fast' for property 'observability.dispatch.mode'")
                .contains("one of inline, async");
            assertThat(analysis.getAction()).contains("Set 'observability.dispatch.mode' to one of inline, async");
        });
    }

    @Test
    void explainsTwoAdaptersWithTheSameName() {
        this.runner.withBean("first", LoggingAdapter.class, () -> new Named("audit"))
            .withBean("second", LoggingAdapter.class, () -> new Named("audit"))
            .run((context) -> {
                FailureAnalysis analysis = analyze(context.getStartupFailure());
                assertThat(analysis.getDescription()).contains("Two adapter beans are named 'audit'");
                assertThat(analysis.getAction()).contains("Give one of them another name()");
            });
    }

    @Test
    void warnsAboutAnOverrideForAnAdapterThatDoesNotExist(CapturedOutput output) {
        this.runner.withPropertyValues("observability.adapters.prometeus.enabled=false").run((context) -> {
            assertThat(context).hasNotFailed();
            assertThat(output).contains("observability.adapters.prometeus.* is ignored: no adapter bean is named "
                    + "'prometeus'. Adapter beans: json-logging.");
        });
    }

    @Test
    void printsTheAnalysisWhenTheApplicationFailsToStart(CapturedOutput output) {
        SpringApplicationBuilder application = new SpringApplicationBuilder(Application.class)
            .web(WebApplicationType.NONE)
            .properties("observability.health.failure-threshold=101");
        assertThatException().isThrownBy(application::run);
        assertThat(output).contains("APPLICATION FAILED TO START")
            .contains("Invalid value '101' for property 'observability.health.failure-threshold'")
            .contains("Set 'observability.health.failure-threshold' to a number from 1 to 100");
    }

    private void assertAnalysis(String property, String description, String action) {
        this.runner.withPropertyValues(property).run((context) -> {
            FailureAnalysis analysis = analyze(context.getStartupFailure());
            assertThat(analysis.getDescription()).contains(description);
            assertThat(analysis.getAction()).contains(action);
        });
    }

    /** Analyzes as Boot does at start-up: with the analyzers registered in spring.factories, in Boot's order. */
    private static FailureAnalysis analyze(Throwable failure) {
        List<FailureAnalyzer> analyzers = SpringFactoriesLoader.forDefaultResourceLocation()
            .load(FailureAnalyzer.class, SpringFactoriesLoader.ArgumentResolver
                .of(BeanFactory.class, new DefaultListableBeanFactory())
                .and(Environment.class, new StandardEnvironment()), (type, name, ex) -> {
                    // Boot's analyzers that need more of a running application are left out; the order stays.
                });
        for (FailureAnalyzer analyzer : analyzers) {
            FailureAnalysis analysis = analyzer.analyze(failure);
            if (analysis != null) {
                return analysis;
            }
        }
        throw new AssertionError("no analysis for " + failure);
    }

    @Configuration(proxyBeanMethods = false)
    @ImportAutoConfiguration(ObservabilityAutoConfiguration.class)
    static class Application {
    }

    private record Named(String name) implements LoggingAdapter {

        @Override
        public void log(LogEvent event) {
        }
    }
}
