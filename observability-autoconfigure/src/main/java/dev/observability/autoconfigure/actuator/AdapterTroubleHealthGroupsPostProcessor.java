package dev.observability.autoconfigure.actuator;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.actuate.endpoint.SecurityContext;
import org.springframework.boot.health.actuate.endpoint.AdditionalHealthEndpointPath;
import org.springframework.boot.health.actuate.endpoint.HealthEndpointGroup;
import org.springframework.boot.health.actuate.endpoint.HealthEndpointGroups;
import org.springframework.boot.health.actuate.endpoint.HealthEndpointGroupsPostProcessor;
import org.springframework.boot.health.actuate.endpoint.HttpCodeStatusMapper;
import org.springframework.boot.health.actuate.endpoint.StatusAggregator;
import org.jspecify.annotations.Nullable;

/**
 * Gives every health group (the primary one and each {@code management.endpoint.health.group.*}) an
 * {@link AdapterTroubleStatusAggregator}, so an adapter's own status never takes the application's health down or
 * masks a real {@code DOWN}, whatever status order the user configured. Needs no {@code management.*} property.
 */
final class AdapterTroubleHealthGroupsPostProcessor implements HealthEndpointGroupsPostProcessor {

    @Override
    public HealthEndpointGroups postProcessHealthEndpointGroups(HealthEndpointGroups groups) {
        Map<String, HealthEndpointGroup> named = new LinkedHashMap<>();
        for (String name : groups.getNames()) {
            named.put(name, new Group(groups.get(name)));
        }
        return HealthEndpointGroups.of(new Group(groups.getPrimary()), named);
    }

    private static final class Group implements HealthEndpointGroup {

        private final HealthEndpointGroup delegate;

        private final StatusAggregator aggregator;

        Group(HealthEndpointGroup delegate) {
            this.delegate = delegate;
            this.aggregator = new AdapterTroubleStatusAggregator(delegate.getStatusAggregator());
        }

        @Override
        public boolean isMember(String name) {
            return this.delegate.isMember(name);
        }

        @Override
        public boolean showComponents(SecurityContext securityContext) {
            return this.delegate.showComponents(securityContext);
        }

        @Override
        public boolean showDetails(SecurityContext securityContext) {
            return this.delegate.showDetails(securityContext);
        }

        @Override
        public StatusAggregator getStatusAggregator() {
            return this.aggregator;
        }

        @Override
        public HttpCodeStatusMapper getHttpCodeStatusMapper() {
            return this.delegate.getHttpCodeStatusMapper();
        }

        @Override
        public @Nullable AdditionalHealthEndpointPath getAdditionalPath() {
            return this.delegate.getAdditionalPath();
        }
    }
}
