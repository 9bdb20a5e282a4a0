package dev.observability.autoconfigure.opentelemetry.traces;

import java.util.List;

import dev.observability.core.tracing.TraceSampling;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.trace.data.LinkData;
import io.opentelemetry.sdk.trace.samplers.Sampler;
import io.opentelemetry.sdk.trace.samplers.SamplingResult;

/**
 * Boot's default sampler, parent-based with a trace-id ratio at {@code management.tracing.sampling.probability},
 * whose ratio changes at runtime: each change puts in force a new sampler made as Boot makes it, so a span with a
 * parent follows its parent's decision as before and only the traces begun from then on are sampled at the new
 * ratio. It starts at the probability Boot configured, and until a change it decides as Boot's own.
 */
final class ChangeableRatioSampler implements Sampler, TraceSampling {

    private final float configured;

    private volatile Sampler inForce;

    /** @param probability the probability Boot configured */
    ChangeableRatioSampler(float probability) {
        this.configured = probability;
        this.inForce = bootsSampler(probability);
    }

    /**
     * @param probability a probability from 0 to 1
     * @return the sampler Boot makes by default for that probability
     */
    static Sampler bootsSampler(float probability) {
        return Sampler.parentBased(Sampler.traceIdRatioBased(probability));
    }

    @Override
    public SamplingResult shouldSample(Context parentContext, String traceId, String name, SpanKind spanKind,
            Attributes attributes, List<LinkData> parentLinks) {
        return this.inForce.shouldSample(parentContext, traceId, name, spanKind, attributes, parentLinks);
    }

    @Override
    public String getDescription() {
        return this.inForce.getDescription();
    }

    @Override
    public float configuredProbability() {
        return this.configured;
    }

    @Override
    public void changeProbability(float probability) {
        this.inForce = bootsSampler(probability);
    }

    @Override
    public String toString() {
        return getDescription();
    }
}
