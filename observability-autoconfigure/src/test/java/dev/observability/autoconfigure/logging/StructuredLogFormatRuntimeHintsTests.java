package dev.observability.autoconfigure.logging;

import ch.qos.logback.classic.LoggerContext;
import org.junit.jupiter.api.Test;

import org.springframework.aot.hint.MemberCategory;
import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.predicate.RuntimeHintsPredicates;
import org.springframework.core.env.Environment;

import static org.assertj.core.api.Assertions.assertThat;

class StructuredLogFormatRuntimeHintsTests {

    private final RuntimeHints hints = new RuntimeHints();

    StructuredLogFormatRuntimeHintsTests() {
        new StructuredLogFormatRuntimeHints().registerHints(this.hints, getClass().getClassLoader());
    }

    @Test
    void letsBootsInstantiatorListTheFormattersConstructorsAndInvokeTheOneTakingTheEnvironment()
            throws NoSuchMethodException {
        assertThat(RuntimeHintsPredicates.reflection()
            .onType(JsonLineStructuredLogFormatter.class)
            .withMemberCategory(MemberCategory.INVOKE_DECLARED_CONSTRUCTORS)).accepts(this.hints);
        assertThat(RuntimeHintsPredicates.reflection()
            .onConstructorInvocation(JsonLineStructuredLogFormatter.class.getConstructor(Environment.class)))
            .accepts(this.hints);
    }

    @Test
    void letsTheDefaultsFindLogbackByName() {
        assertThat(RuntimeHintsPredicates.reflection().onType(LoggerContext.class))
            .accepts(this.hints);
    }
}
