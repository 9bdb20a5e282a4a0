package dev.observability.core.redaction;

import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.Map;

import dev.observability.core.spi.AdapterHealth;
import dev.observability.core.spi.Fields;
import dev.observability.core.spi.HealthStatus;
import dev.observability.core.spi.Labels;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class RedactionTests {

    private final Redaction redaction = Redaction.defaults();

    @ParameterizedTest
    @ValueSource(strings = { "password", "PASSWORD", "db.password", "db_password", "userPassword", "secret",
            "client-secret", "client_secret", "token", "access_token", "refresh-token", "X-Auth-Token",
            "authorization", "Authorization", "proxy-authorization", "api-key", "api_key", "apiKey", "X-Api-Key",
            "x.api.key", "API KEY", "cookie", "Set-Cookie", "tokenizer" })
    void treatsKeysContainingASensitiveWordAsSensitive(String key) {
        assertThat(this.redaction.isSensitive(key)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = { "user", "order.id", "region", "author", "pass", "key", "api", "apikye", "cook", "" })
    void leavesOtherKeysAlone(String key) {
        assertThat(this.redaction.isSensitive(key)).isFalse();
    }

    @Test
    void masksTheValueButKeepsNull() {
        assertThat(this.redaction.value("password", "hunter2")).isEqualTo(Redaction.MASK);
        assertThat(this.redaction.value("password", 42L)).isEqualTo(Redaction.MASK);
        assertThat(this.redaction.value("password", null)).isNull();
        assertThat(this.redaction.value(null, "x")).isEqualTo("x");
        assertThat(this.redaction.value("user", "alice")).isEqualTo("alice");
    }

    @Test
    void masksFieldsKeepingOrderAndOtherValues() {
        Fields fields = Fields.of("user", "alice", "db.password", "hunter2", "count", 3);
        Fields redacted = this.redaction.redact(fields);
        assertThat(redacted.asMap()).containsExactly(Map.entry("user", "alice"),
                Map.entry("db.password", Redaction.MASK), Map.entry("count", 3L));
    }

    @Test
    void returnsTheSameInstancesWhenNothingIsSensitive() {
        Fields fields = Fields.of("user", "alice");
        Labels labels = Labels.of("method", "GET");
        AdapterHealth health = AdapterHealth.up().withDetail("endpoint", "http://127.0.0.1:4318");
        assertThat(this.redaction.redact(fields)).isSameAs(fields);
        assertThat(this.redaction.redact(labels)).isSameAs(labels);
        assertThat(this.redaction.redact(health)).isSameAs(health);
    }

    @Test
    void masksLabelValuesUnderSensitiveKeys() {
        Labels redacted = this.redaction.redact(Labels.of("method", "GET", "api_key", "k-123"));
        assertThat(redacted.asMap()).containsExactly(Map.entry("api_key", Redaction.MASK), Map.entry("method", "GET"));
        assertThat(redacted.isValid()).isTrue();
    }

    @Test
    void masksHealthDetailsAtAnyDepth() {
        AdapterHealth health = new AdapterHealth(HealthStatus.DOWN, "refused",
                Map.of("endpoint", "db:5432", "Authorization", "Bearer abc",
                        "connection", Map.of("user", "app", "password", "hunter2")));
        AdapterHealth redacted = this.redaction.redact(health);
        assertThat(redacted.status()).isEqualTo(HealthStatus.DOWN);
        assertThat(redacted.message()).isEqualTo("refused");
        assertThat(redacted.details()).containsEntry("endpoint", "db:5432")
            .containsEntry("Authorization", Redaction.MASK)
            .containsEntry("connection", Map.of("user", "app", "password", Redaction.MASK));
    }

    @Test
    void configuredWordsReplaceTheDefaults() {
        Redaction custom = Redaction.of(List.of("ssn", "Card_Number"));
        assertThat(custom.isSensitive("customer.ssn")).isTrue();
        assertThat(custom.isSensitive("card-number")).isTrue();
        assertThat(custom.isSensitive("password")).isFalse();
        assertThat(custom.words()).containsExactly("ssn", "Card_Number");
    }

    @Test
    void disabledRedactionMasksNothing() {
        Fields fields = Fields.of("password", "hunter2");
        assertThat(Redaction.disabled().isEnabled()).isFalse();
        assertThat(Redaction.disabled().redact(fields)).isSameAs(fields);
    }

    @ParameterizedTest
    @ValueSource(strings = { "", "  ", "-_." })
    void refusesBlankWords(String word) {
        assertThatIllegalArgumentException().isThrownBy(() -> Redaction.of(List.of(word)))
            .withMessageContaining("sensitive word");
    }

    @Test
    void checkingLabelsWithNothingToRedactAllocatesNothing() {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory
            .getThreadMXBean();
        Labels labels = Labels.of("method", "GET", "status", "200", "uri", "/orders/{id}");
        for (int i = 0; i < 20_000; i++) {
            this.redaction.redact(labels);
        }
        long thread = Thread.currentThread().getId();
        long before = threads.getThreadAllocatedBytes(thread);
        for (int i = 0; i < 100_000; i++) {
            this.redaction.redact(labels);
        }
        long allocated = threads.getThreadAllocatedBytes(thread) - before;
        // A single allocation per call would be at least 1.6 MB; allow the measuring call's own few bytes.
        assertThat(allocated).isLessThan(1_024);
    }
}
