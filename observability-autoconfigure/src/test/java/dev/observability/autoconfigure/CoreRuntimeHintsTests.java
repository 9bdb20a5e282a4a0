package dev.observability.autoconfigure;

import org.junit.jupiter.api.Test;

import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.predicate.RuntimeHintsPredicates;

import static org.assertj.core.api.Assertions.assertThat;

class CoreRuntimeHintsTests {

    @Test
    void letsTheManagedSpanReachItsOperationsField() throws ClassNotFoundException {
        RuntimeHints hints = new RuntimeHints();
        new CoreRuntimeHints().registerHints(hints, getClass().getClassLoader());
        assertThat(RuntimeHintsPredicates.reflection()
            .onFieldAccess(CoreRuntimeHints.MANAGED_SPAN, CoreRuntimeHints.SPAN_OPERATIONS)).accepts(hints);
    }
}
