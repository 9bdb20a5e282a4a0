package dev.observability.e2e.variants;

import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The adapters of the benchmark's variants, as a user would declare them: beans that implement the adapter
 * interfaces, registered by the starter behind their own ASYNC lanes. Read only when the starter is on the class
 * path (the condition is checked before the class is loaded), and each adapter only when {@code e2e.adapter} names
 * it: {@code custom} (takes each event and returns) or {@code hanging} (never returns).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass(name = "dev.observability.core.ObservabilityManager")
public class StarterVariants {

    @Bean
    @ConditionalOnProperty(name = "e2e.adapter", havingValue = "custom")
    VariantAdapter customAdapter() {
        return VariantAdapter.receiving();
    }

    @Bean
    @ConditionalOnProperty(name = "e2e.adapter", havingValue = "hanging")
    VariantAdapter hangingAdapter() {
        return VariantAdapter.hanging();
    }
}
