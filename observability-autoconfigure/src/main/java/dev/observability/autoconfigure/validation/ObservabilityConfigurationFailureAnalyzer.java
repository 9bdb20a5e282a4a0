package dev.observability.autoconfigure.validation;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Explains an {@link InvalidObservabilityConfigurationException} in Boot's start-up failure report: what Boot cannot
 * express (two adapter beans with one name) and the fix.
 */
public final class ObservabilityConfigurationFailureAnalyzer
        extends AbstractFailureAnalyzer<InvalidObservabilityConfigurationException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, InvalidObservabilityConfigurationException cause) {
        return new FailureAnalysis(cause.getMessage(), cause.getAction(), cause);
    }
}
