package dev.observability.core.redaction;

import java.io.IOException;
import java.net.ConnectException;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class SafeTextTests {

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            to http://user:SECRET@collector:4318/v1/metrics      | to http://******@collector:4318/v1/metrics
            https://user:p@ss@collector/v1/traces failed         | https://******@collector/v1/traces failed
            https://SECRET@collector/v1/logs                     | https://******@collector/v1/logs
            https://collector:4318/v1/traces?token=SECRET&b=1 x  | https://collector:4318/v1/traces?****** x
            http://u:SECRET@10.0.0.1:4318/v1/logs?key=SECRET     | http://******@10.0.0.1:4318/v1/logs?******
            see "http://collector/v1/metrics#access_token=SECRET" | see "http://collector/v1/metrics#******"
            to http://collector/v1/logs?k=SECRET: java.io.IOException | to http://collector/v1/logs?******: java.io.IOException
            (see http://collector/v1/logs?k=SECRET).             | (see http://collector/v1/logs?******).
            """)
    void masksTheUserInfoAndTheQueryOfEveryUrlAndKeepsWhereItWent(String text, String cleaned) {
        assertThat(SafeText.clean(text)).isEqualTo(cleaned);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            Authorization: Bearer SECRET rejected                | Authorization: ****** rejected
            headers {Authorization=Basic U0VDUkVUOng=, Accept=*} | headers {Authorization=******, Accept=*}
            X-Api-Key=SECRET; retry                              | X-Api-Key=******; retry
            GET /v1/metrics?api_key=SECRET                       | GET /v1/metrics?api_key=******
            body {"password":"SECRET","user":"ann"}              | body {"password":"******","user":"ann"}
            Proxy-Authorization:  Negotiate SECRET               | Proxy-Authorization:  ******
            """)
    void masksTheValueOfEveryPairWhoseNameIsSensitive(String text, String cleaned) {
        assertThat(SafeText.clean(text)).isEqualTo(cleaned);
    }

    @ParameterizedTest
    @ValueSource(strings = { "java.lang.IllegalStateException: refused",
            "Server responded with HTTP status code 503 and body <no response body>",
            "Failed to connect to localhost/127.0.0.1:4318", "http://collector:4318/v1/metrics",
            "InvalidTokenException: token expired at 12:00", "status=503 retry-after=5", "" })
    void leavesTextWithoutCredentialsAsItIs(String text) {
        assertThat(SafeText.clean(text)).isSameAs(text);
    }

    @Test
    void makesOneLineOfText() {
        assertThat(SafeText.clean("first\nsecond\r\nthird\u2028fourth\u0085fifth\tsixth"))
            .isEqualTo("first second  third fourth fifth sixth");
    }

    @Test
    void cutsLongTextAfterCleaningIt() {
        String url = "http://user:SECRET@collector:4318/v1/metrics ";
        String cleaned = SafeText.clean(url + "x".repeat(5000));
        assertThat(cleaned).startsWith("http://******@collector:4318/v1/metrics x")
            .endsWith("…[truncated " + (url.length() - "user:SECRET".length() + "******".length() + 5000
                    - SafeText.MAX_LENGTH) + " chars]")
            .doesNotContain("SECRET");
        assertThat(cleaned.length()).isLessThan(SafeText.MAX_LENGTH + 30);
    }

    @Test
    void describesAnErrorByItsTypeAndCleanedMessage() {
        assertThat(SafeText.describe(new IOException("POST http://u:SECRET@backend/ingest?k=SECRET failed")))
            .isEqualTo("java.io.IOException: POST http://******@backend/ingest?****** failed");
        assertThat(SafeText.describe(new ConnectException())).isEqualTo("java.net.ConnectException");
    }

    @Test
    void describesAWrapperThatOnlyRepeatsItsCauseByThatCause() {
        ConnectException cause = new ConnectException("Connection refused");
        assertThat(SafeText.describe(new Exception(cause))).isEqualTo("java.net.ConnectException: Connection refused");
        assertThat(SafeText.describe(new IllegalStateException("export failed", cause)))
            .isEqualTo("java.lang.IllegalStateException: export failed");
    }

    @Property(tries = 300)
    void noSecretSurvivesAndWhereTheCallWentStays(@ForAll("secrets") String secret, @ForAll("hosts") String host,
            @ForAll("ports") int port) {
        String address = host + ":" + port + "/v1/traces";
        String text = "export to https://user:" + secret + "@" + address + "?token=" + secret + ": failed, "
                + "Authorization: Bearer " + secret + ", X-Api-Key=" + secret;
        String cleaned = SafeText.clean(text);
        assertThat(cleaned).doesNotContain(secret).contains("https://******@" + address + "?******: failed, ");
        assertThat(SafeText.clean(cleaned)).as("cleaned text stays as it is").isSameAs(cleaned);
    }

    /** Secrets as URLs and headers carry them; none ends in the sentence punctuation a query is cleaned without. */
    @Provide
    Arbitrary<String> secrets() {
        return Arbitraries.strings().withChars("abcXYZ0189-._~+=!$*%").ofMinLength(8).ofMaxLength(40)
            .filter((secret) -> !secret.contains("******") && !secret.startsWith("*"))
            .filter((secret) -> !secret.endsWith(".") && !secret.endsWith("!"));
    }

    @Provide
    Arbitrary<String> hosts() {
        return Arbitraries.of("collector", "127.0.0.1", "otel.example.com", "[::1]");
    }

    @Provide
    Arbitrary<Integer> ports() {
        return Arbitraries.integers().between(1, 65535);
    }
}
