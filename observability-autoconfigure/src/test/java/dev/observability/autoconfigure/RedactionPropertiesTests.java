package dev.observability.autoconfigure;

import dev.observability.core.ObservabilityManager;
import dev.observability.core.redaction.Redaction;
import dev.observability.core.spi.Fields;
import dev.observability.core.spi.LogLevel;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

class RedactionPropertiesTests {

    private final RecordingAdapter recorder = new RecordingAdapter("recorder");

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(ObservabilityAutoConfiguration.class))
        .withBean(RecordingAdapter.class, () -> this.recorder)
        .withPropertyValues("observability.json-logging.enabled=false");

    @Test
    void masksTheDefaultWordsByDefault() {
        this.runner.run((context) -> {
            logSecrets(context.getBean(ObservabilityManager.class));
            assertThat(this.recorder.events.get(0).fields().asMap()).containsEntry("db.password", Redaction.MASK)
                .containsEntry("X-Api-Key", Redaction.MASK)
                .containsEntry("ssn", "123-45-6789");
        });
    }

    @Test
    void masksTheConfiguredWordsInsteadOfTheDefaults() {
        this.runner.withPropertyValues("observability.redaction.sensitive-words=ssn,api-key").run((context) -> {
            logSecrets(context.getBean(ObservabilityManager.class));
            assertThat(this.recorder.events.get(0).fields().asMap()).containsEntry("db.password", "hunter2")
                .containsEntry("X-Api-Key", Redaction.MASK)
                .containsEntry("ssn", Redaction.MASK);
        });
    }

    @Test
    void masksNothingWhenDisabled() {
        this.runner.withPropertyValues("observability.redaction.enabled=false").run((context) -> {
            logSecrets(context.getBean(ObservabilityManager.class));
            assertThat(this.recorder.events.get(0).fields().asMap()).containsEntry("db.password", "hunter2");
        });
    }

    private static void logSecrets(ObservabilityManager manager) {
        manager.log(LogLevel.WARN, "login",
                Fields.of("db.password", "hunter2", "X-Api-Key", "k-1", "ssn", "123-45-6789"));
    }
}
