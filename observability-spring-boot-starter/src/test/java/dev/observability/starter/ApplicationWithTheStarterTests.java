package dev.observability.starter;

import java.util.Set;

import dev.observability.autoconfigure.ObservabilityAutoConfiguration;
import dev.observability.core.ObservabilityManager;
import dev.observability.core.adapters.NoopLoggingAdapter;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionEvaluationReport;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An application with the starter and nothing else, on the starter's own classpath (this module's runtime
 * dependencies) with every auto-configuration found there: the starter adds no Resilience4j Spring integration, and
 * a lane's breaker shows in the starter's own meters only.
 */
class ApplicationWithTheStarterTests {

    private static final String AUDIT = "audit";

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
        .withUserConfiguration(Application.class);

    @Test
    void conditionsReportListsNoResilience4jAutoConfiguration() {
        this.runner.run((context) -> {
            ConditionEvaluationReport report = ConditionEvaluationReport.get(context.getBeanFactory());
            Set<String> evaluated = report.getConditionAndOutcomesBySource().keySet();
            assertThat(evaluated).as("the report covers every auto-configuration candidate")
                .contains(ObservabilityAutoConfiguration.class.getName())
                .anyMatch((source) -> source.startsWith("org.springframework.boot.actuate.autoconfigure."));
            assertThat(evaluated).noneMatch((source) -> source.startsWith("io.github.resilience4j"));
            assertThat(report.getUnconditionalClasses()).noneMatch((source) -> source.startsWith("io.github"));
            assertThat(context).doesNotHaveBean(CircuitBreakerRegistry.class);
        });
    }

    @Test
    void aLanesBreakerShowsInTheStartersOwnMetersAndNoResilience4jMeterIsRegistered() {
        this.runner.run((context) -> {
            assertThat(context.getBean(ObservabilityManager.class).controls().lane(AUDIT)).isPresent();
            MeterRegistry registry = context.getBean(MeterRegistry.class);
            assertThat(registry.find("observability.adapter.circuit.state").tag("adapter", AUDIT)
                .tag("state", "closed").gauge().value()).isEqualTo(1.0);
            assertThat(registry.getMeters()).extracting((meter) -> meter.getId().getName())
                .noneMatch((name) -> name.startsWith("resilience4j"));
        });
    }

    @Configuration(proxyBeanMethods = false)
    @EnableAutoConfiguration
    static class Application {

        /** A custom adapter bean, as an application has one: the starter itself registers none for logs. */
        @Bean
        NoopLoggingAdapter audit() {
            return new NoopLoggingAdapter(AUDIT);
        }
    }
}
