package dev.observability.autoconfigure.validation;

import dev.observability.autoconfigure.ObservabilityAutoConfiguration;
import dev.observability.core.spi.LogEvent;
import dev.observability.core.spi.LoggingAdapter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

@ExtendWith(OutputCaptureExtension.class)
class ObservabilityConfigurationFailureAnalyzerTests {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(ObservabilityAutoConfiguration.class));

    @Test
    void explainsTwoAdaptersWithTheSameName() {
        this.runner.withBean("first", LoggingAdapter.class, () -> new Named("audit"))
            .withBean("second", LoggingAdapter.class, () -> new Named("audit"))
            .run((context) -> {
                FailureAnalysis analysis = BootFailureAnalysis.of(context.getStartupFailure());
                assertThat(analysis.getDescription()).contains("Two adapter beans are named 'audit'");
                assertThat(analysis.getAction()).contains("Give one of them another name()");
            });
    }

    @Test
    void warnsAboutAnOverrideForAnAdapterThatDoesNotExist(CapturedOutput output) {
        this.runner.withBean("audit", LoggingAdapter.class, () -> new Named("audit"))
            .withPropertyValues("observability.adapters.prometeus.enabled=false")
            .run((context) -> {
                assertThat(context).hasNotFailed();
                assertThat(output).contains("observability.adapters.prometeus.* is ignored: no adapter bean is named "
                        + "'prometeus'. Adapter beans: audit.");
            });
        this.runner.withPropertyValues("observability.adapters.prometeus.enabled=false")
            .run((context) -> assertThat(output).contains("no adapter bean is named 'prometeus'. "
                    + "There are no adapter beans."));
    }

    @Test
    void printsTheAnalysisWhenTheApplicationFailsToStart(CapturedOutput output) {
        SpringApplicationBuilder application = new SpringApplicationBuilder(Application.class, TwoAuditAdapters.class)
            .web(WebApplicationType.NONE);
        assertThatException().isThrownBy(application::run);
        assertThat(output).contains("APPLICATION FAILED TO START")
            .contains("Two adapter beans are named 'audit'")
            .contains("Give one of them another name()");
    }

    @Configuration(proxyBeanMethods = false)
    @ImportAutoConfiguration(ObservabilityAutoConfiguration.class)
    static class Application {
    }

    @Configuration(proxyBeanMethods = false)
    static class TwoAuditAdapters {

        @Bean
        LoggingAdapter first() {
            return new Named("audit");
        }

        @Bean
        LoggingAdapter second() {
            return new Named("audit");
        }
    }

    private record Named(String name) implements LoggingAdapter {

        @Override
        public void log(LogEvent event) {
        }
    }
}
