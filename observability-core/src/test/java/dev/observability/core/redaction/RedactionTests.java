package dev.observability.core.redaction;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

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
        assertThat(this.redaction.isSensitive(key)).as("the verdict kept for the key").isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = { "user", "order.id", "region", "author", "pass", "key", "api", "apikye", "cook", "" })
    void leavesOtherKeysAlone(String key) {
        assertThat(this.redaction.isSensitive(key)).isFalse();
        assertThat(this.redaction.isSensitive(key)).as("the verdict kept for the key").isFalse();
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
    void configuredWordsReplaceTheDefaults() {
        Redaction custom = Redaction.of(List.of("ssn", "Card_Number"));
        assertThat(custom.isSensitive("customer.ssn")).isTrue();
        assertThat(custom.isSensitive("card-number")).isTrue();
        assertThat(custom.isSensitive("password")).isFalse();
        assertThat(custom.words()).containsExactly("ssn", "Card_Number");
    }

    @Test
    void disabledRedactionMasksNothing() {
        assertThat(Redaction.disabled().isEnabled()).isFalse();
        assertThat(Redaction.disabled().isSensitive("password")).isFalse();
        assertThat(Redaction.disabled().value("password", "hunter2")).isEqualTo("hunter2");
    }

    @ParameterizedTest
    @ValueSource(strings = { "", "  ", "-_." })
    void refusesBlankWords(String word) {
        assertThatIllegalArgumentException().isThrownBy(() -> Redaction.of(List.of(word)))
            .withMessageContaining("sensitive word");
    }

    @Test
    void givesEveryKeyItsOwnVerdictWhenThreadsCheckManyKeysAtOnce() throws Exception {
        Redaction custom = Redaction.of(List.of("ssn"));
        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            List<Future<Integer>> wrong = new ArrayList<>();
            for (int thread = 0; thread < 4; thread++) {
                int offset = thread;
                wrong.add(threads.submit(() -> {
                    int mistakes = 0;
                    for (int i = 0; i < 50_000; i++) {
                        int n = (i * 7 + offset) % 5_000;
                        mistakes += custom.isSensitive("customer.ssn." + n) ? 0 : 1;
                        mistakes += custom.isSensitive("customer.id." + n) ? 1 : 0;
                    }
                    return mistakes;
                }));
            }
            for (Future<Integer> mistakes : wrong) {
                assertThat(mistakes.get()).isZero();
            }
        }
        finally {
            threads.shutdownNow();
        }
    }
}
