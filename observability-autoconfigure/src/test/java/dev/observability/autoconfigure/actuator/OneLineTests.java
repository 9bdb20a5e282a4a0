package dev.observability.autoconfigure.actuator;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class OneLineTests {

    @Test
    void putsAMessageOnOneLineWhateverItsLineBreaks() {
        assertThat(OneLine.of("a\nb\r\nc\u2028d\u2029e\u0085f\tg  h")).isEqualTo("a b c d e f g h");
        assertThat(OneLine.of(null)).isEqualTo("null");
    }

    @Test
    void cutsWhatAClientSentAfterABoundAndNeverInsideACharacter() {
        assertThat(OneLine.cut("k".repeat(40_000))).isEqualTo("k".repeat(OneLine.MAX_ECHO) + "...");
        assertThat(OneLine.cut("k".repeat(OneLine.MAX_ECHO))).isEqualTo("k".repeat(OneLine.MAX_ECHO));
        String emoji = "k".repeat(OneLine.MAX_ECHO - 1) + "\uD83D\uDE00" + "k";
        assertThat(OneLine.cut(emoji)).isEqualTo("k".repeat(OneLine.MAX_ECHO - 1) + "...");
        assertThat(OneLine.cut("circuit-breaker.permitted-number-of-calls-in-half-open-state"))
            .as("every setting's name whole").doesNotEndWith("...");
    }
}
