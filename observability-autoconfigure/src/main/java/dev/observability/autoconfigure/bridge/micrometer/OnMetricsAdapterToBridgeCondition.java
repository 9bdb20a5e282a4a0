package dev.observability.autoconfigure.bridge.micrometer;

import java.lang.reflect.Modifier;

import dev.observability.autoconfigure.ObservabilityAutoConfiguration;
import dev.observability.autoconfigure.ObservabilityManagerCustomizer;
import dev.observability.autoconfigure.adapter.MicrometerNative;
import dev.observability.core.ObservabilityManager;
import dev.observability.core.spi.MetricsAdapter;
import dev.observability.core.spi.ObservabilityAdapter;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.autoconfigure.condition.ConditionMessage;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.ConfigurationCondition;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Matches when the Micrometer bridge would have a metrics adapter to feed: an adapter bean that is not
 * {@link MicrometerNative} and is a {@link MetricsAdapter} (or is declared with an interface or abstract type, which
 * may be one), an {@link ObservabilityManagerCustomizer} of the application's (it may register adapters of its own),
 * or a manager the application made itself. Without any of them the bridge would hand nothing over, and joining Boot's meter registries
 * would only turn Boot's single registry into a composite that every recording then goes through.
 */
final class OnMetricsAdapterToBridgeCondition extends SpringBootCondition implements ConfigurationCondition {

    private static final String STARTER_PACKAGE = ObservabilityAutoConfiguration.class.getPackageName() + ".";

    @Override
    public ConfigurationPhase getConfigurationPhase() {
        return ConfigurationPhase.REGISTER_BEAN;
    }

    @Override
    public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
        ConditionMessage.Builder message = ConditionMessage.forCondition("a metrics adapter the Micrometer bridge feeds");
        ConfigurableListableBeanFactory factory = context.getBeanFactory();
        if (factory == null) {
            return ConditionOutcome.match(message.because("no bean factory to look in"));
        }
        for (String name : factory.getBeanNamesForType(ObservabilityAdapter.class, true, false)) {
            if (mayBeFed(factory.getType(name, false))) {
                return ConditionOutcome.match(message.found("adapter bean").items(name));
            }
        }
        for (String name : factory.getBeanNamesForType(ObservabilityManagerCustomizer.class, true, false)) {
            if (!madeByTheStarter(factory, name)) {
                return ConditionOutcome.match(message.found("manager customizer").items(name));
            }
        }
        for (String name : factory.getBeanNamesForType(ObservabilityManager.class, true, false)) {
            if (!madeByTheStarter(factory, name)) {
                return ConditionOutcome.match(message.found("application's own manager").items(name));
            }
        }
        return ConditionOutcome.noMatch(message.because("every metrics adapter reads Micrometer natively"));
    }

    private static boolean mayBeFed(@Nullable Class<?> type) {
        if (type == null) {
            return true;
        }
        if (MicrometerNative.class.isAssignableFrom(type)) {
            return false;
        }
        return MetricsAdapter.class.isAssignableFrom(type) || type.isInterface()
                || Modifier.isAbstract(type.getModifiers());
    }

    /**
     * @return whether the bean is made by one of the starter's auto-configurations (whose bean names are their class
     * names): the starter's own customizers register no adapter, and its manager holds the adapter beans
     */
    private static boolean madeByTheStarter(ConfigurableListableBeanFactory factory, String name) {
        if (!factory.containsBeanDefinition(name)) {
            return false;
        }
        String factoryBean = factory.getBeanDefinition(name).getFactoryBeanName();
        return factoryBean != null && factoryBean.startsWith(STARTER_PACKAGE);
    }
}
