package dev.observability.core.internal.redaction;

import java.lang.management.ManagementFactory;
import java.util.Map;

import dev.observability.core.redaction.Redaction;
import dev.observability.core.spi.AdapterHealth;
import dev.observability.core.spi.Fields;
import dev.observability.core.spi.HealthStatus;
import dev.observability.core.spi.Labels;
import dev.observability.core.testing.AllocatedBytes;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RedactorTests {

    private final Redaction redaction = Redaction.defaults();

    @Test
    void disabledRedactionReturnsTheSameFields() {
        Fields fields = Fields.of("password", "hunter2");
        assertThat(FieldsRedactor.redact(Redaction.disabled(), fields)).isSameAs(fields);
    }

    @Test
    void masksFieldsKeepingOrderAndOtherValues() {
        Fields fields = Fields.of("user", "alice", "db.password", "hunter2", "count", 3);
        Fields redacted = FieldsRedactor.redact(this.redaction, fields);
        assertThat(redacted.asMap()).containsExactly(Map.entry("user", "alice"),
                Map.entry("db.password", Redaction.MASK), Map.entry("count", 3L));
    }

    @Test
    void returnsTheSameInstancesWhenNothingIsSensitive() {
        Fields fields = Fields.of("user", "alice");
        Labels labels = Labels.of("method", "GET");
        AdapterHealth health = AdapterHealth.up().withDetail("endpoint", "http://127.0.0.1:4318");
        assertThat(FieldsRedactor.redact(this.redaction, fields)).isSameAs(fields);
        assertThat(LabelsRedactor.redact(this.redaction, labels)).isSameAs(labels);
        assertThat(HealthRedactor.redact(this.redaction, health)).isSameAs(health);
    }

    @Test
    void masksLabelValuesUnderSensitiveKeys() {
        Labels redacted = LabelsRedactor.redact(this.redaction, Labels.of("method", "GET", "api_key", "k-123"));
        assertThat(redacted.asMap()).containsExactly(Map.entry("api_key", Redaction.MASK), Map.entry("method", "GET"));
        assertThat(redacted.isValid()).isTrue();
    }

    @Test
    void masksHealthDetailsAtAnyDepth() {
        AdapterHealth health = new AdapterHealth(HealthStatus.DOWN, "refused",
                Map.of("endpoint", "db:5432", "Authorization", "Bearer abc",
                        "connection", Map.of("user", "app", "password", "hunter2")));
        AdapterHealth redacted = HealthRedactor.redact(this.redaction, health);
        assertThat(redacted.status()).isEqualTo(HealthStatus.DOWN);
        assertThat(redacted.message()).isEqualTo("refused");
        assertThat(redacted.details()).containsEntry("endpoint", "db:5432")
            .containsEntry("Authorization", Redaction.MASK)
            .containsEntry("connection", Map.of("user", "app", "password", Redaction.MASK));
    }

    @Test
    void cleansCredentialsFromTheMessageAndTextDetailsEvenWithRedactionDisabled() {
        AdapterHealth health = new AdapterHealth(HealthStatus.DOWN, "cannot reach https://app:hunter2@db:5432/orders",
                Map.of("target", "https://db:5432/orders?token=hunter2", "connection",
                        Map.of("url", "jdbc:postgresql://app:hunter2@db:5432/orders")));
        AdapterHealth cleaned = HealthRedactor.redact(Redaction.disabled(), health);
        assertThat(cleaned.message()).isEqualTo("cannot reach https://******@db:5432/orders");
        assertThat(cleaned.details()).containsEntry("target", "https://db:5432/orders?******")
            .containsEntry("connection", Map.of("url", "jdbc:postgresql://******@db:5432/orders"));
    }

    @Test
    void checkingFieldsWithNothingToRedactAllocatesNothing() {
        Fields fields = Fields.of("region", "eu-west", "channel", "web");
        AllocatedBytes.perCall(20_000, () -> FieldsRedactor.redact(this.redaction, fields));
        // A single allocation per call would be at least 16 bytes; allow the measuring call's own few bytes.
        assertThat(AllocatedBytes.perCall(100_000, () -> FieldsRedactor.redact(this.redaction, fields)))
            .isLessThan(0.01);
    }

    @Test
    void checkingLabelsWithNothingToRedactAllocatesNothing() {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory
            .getThreadMXBean();
        Labels labels = Labels.of("method", "GET", "status", "200", "uri", "/orders/{id}");
        for (int i = 0; i < 20_000; i++) {
            LabelsRedactor.redact(this.redaction, labels);
        }
        long thread = Thread.currentThread().getId();
        long before = threads.getThreadAllocatedBytes(thread);
        for (int i = 0; i < 100_000; i++) {
            LabelsRedactor.redact(this.redaction, labels);
        }
        long allocated = threads.getThreadAllocatedBytes(thread) - before;
        // A single allocation per call would be at least 1.6 MB; allow the measuring call's own few bytes.
        assertThat(allocated).isLessThan(1_024);
    }
}
