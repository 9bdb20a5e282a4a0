package dev.observability.autoconfigure.actuator;

import java.util.LinkedHashSet;
import java.util.Set;

import org.springframework.boot.health.actuate.endpoint.StatusAggregator;
import org.springframework.boot.health.contributor.Status;

/**
 * Wraps a health group's aggregator so that the adapters' own statuses ({@code DEGRADED}, {@code CIRCUIT_OPEN},
 * {@code BACKEND_DOWN}, {@code DISABLED}) never decide the overall status: they are left out before the group's
 * aggregator ranks the rest. Without this, Boot's aggregator ranks a status it does not know above {@code DOWN}. When
 * only such statuses are left (the {@code observability} contributor with adapters only), the worst of them is the
 * result, so the contributor itself still shows the trouble.
 */
final class AdapterTroubleStatusAggregator implements StatusAggregator {

    private final StatusAggregator delegate;

    AdapterTroubleStatusAggregator(StatusAggregator delegate) {
        this.delegate = delegate;
    }

    @Override
    public Status getAggregateStatus(Set<Status> statuses) {
        Set<Status> others = new LinkedHashSet<>();
        for (Status status : statuses) {
            if (!ObservabilityHealthStatuses.OWN_CODES.contains(status.getCode())) {
                others.add(status);
            }
        }
        if (!others.isEmpty() || statuses.isEmpty()) {
            return this.delegate.getAggregateStatus(others);
        }
        for (Status own : ObservabilityHealthStatuses.OWN_WORST_FIRST) {
            if (statuses.contains(own)) {
                return own;
            }
        }
        return this.delegate.getAggregateStatus(statuses);
    }
}
