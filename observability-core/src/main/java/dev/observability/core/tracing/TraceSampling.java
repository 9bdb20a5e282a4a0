package dev.observability.core.tracing;

/**
 * A trace sampler whose probability changes at runtime, plugged into the manager
 * ({@code ObservabilityManagerBuilder.traceSampling}) so that its probability is one of the manager's settings,
 * {@code tracing.sampling.probability}, shown and changed as the others. Without one, the setting has no value and
 * refuses a change.
 */
public interface TraceSampling {

    /** @return the probability of sampling a trace that has no sampled parent, as configured at start-up */
    float configuredProbability();

    /**
     * Puts a new probability in force for the traces started from now on; a decision already made for a trace stays.
     * @param probability from 0 to 1, already checked
     */
    void changeProbability(float probability);
}
