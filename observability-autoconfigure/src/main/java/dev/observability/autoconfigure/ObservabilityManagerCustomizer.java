package dev.observability.autoconfigure;

import dev.observability.core.ObservabilityManager;
import dev.observability.core.ObservabilityManagerBuilder;

/**
 * Adjusts the auto-configured {@link ObservabilityManager} before it is built and started. Every bean of this type is
 * applied, in {@link org.springframework.core.annotation.Order @Order}, after the adapter beans and the properties.
 */
@FunctionalInterface
public interface ObservabilityManagerCustomizer {

    /**
     * @param builder the manager's builder, with the properties and the adapter beans applied
     */
    void customize(ObservabilityManagerBuilder builder);
}
