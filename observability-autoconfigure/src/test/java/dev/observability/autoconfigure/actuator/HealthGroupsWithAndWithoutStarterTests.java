package dev.observability.autoconfigure.actuator;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import dev.observability.autoconfigure.ObservabilityAutoConfiguration;
import dev.observability.core.ObservabilityManager;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.actuate.autoconfigure.endpoint.EndpointAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.availability.ApplicationAvailabilityAutoConfiguration;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.LivenessState;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.boot.health.actuate.endpoint.CompositeHealthDescriptor;
import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.boot.health.actuate.endpoint.HealthEndpointGroup;
import org.springframework.boot.health.actuate.endpoint.HealthEndpointGroups;
import org.springframework.boot.health.autoconfigure.actuate.endpoint.AvailabilityProbesAutoConfiguration;
import org.springframework.boot.health.autoconfigure.actuate.endpoint.HealthEndpointAutoConfiguration;
import org.springframework.boot.health.autoconfigure.application.AvailabilityHealthContributorAutoConfiguration;
import org.springframework.boot.health.autoconfigure.contributor.HealthContributorAutoConfiguration;
import org.springframework.boot.health.autoconfigure.registry.HealthContributorRegistryAutoConfiguration;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The application's health configuration (a status order that ranks {@code UNKNOWN} above {@code UP}, as Boot's
 * reference shows, HTTP mappings of its own, a group {@code custom} with an order of its own, the Kubernetes probes,
 * readiness including more indicators) gives the same status and HTTP code in every group with the starter, while
 * its only adapter's circuit is open, as without the starter: the starter replaces no aggregator, and its
 * {@code observability} component adds nothing to rank but {@code UP} (so a group that includes it and whose other
 * members are all unranked would read {@code UP}, as with any healthy member; {@code custom} includes {@code ping}).
 */
class HealthGroupsWithAndWithoutStarterTests {

    private static final String[] GROUPS = { "custom", "liveness", "readiness" };

    private final ApplicationContextRunner withoutStarter = new ApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(HealthContributorAutoConfiguration.class,
                HealthContributorRegistryAutoConfiguration.class, HealthEndpointAutoConfiguration.class,
                EndpointAutoConfiguration.class, ApplicationAvailabilityAutoConfiguration.class,
                AvailabilityHealthContributorAutoConfiguration.class, AvailabilityProbesAutoConfiguration.class))
        .withPropertyValues("management.endpoint.health.show-details=always",
                "management.endpoint.health.status.order=fatal,down,out-of-service,unknown,up",
                "management.endpoint.health.status.http-mapping.fatal=503",
                "management.endpoint.health.status.http-mapping.down=503",
                "management.endpoint.health.status.http-mapping.out-of-service=503",
                "management.endpoint.health.validate-group-membership=false",
                "management.endpoint.health.group.custom.include=database,ping,observability",
                "management.endpoint.health.group.custom.status.order=down,up,unknown",
                "management.endpoint.health.probes.enabled=true",
                "management.endpoint.health.group.readiness.include=readinessState,database,observability");

    private final ApplicationContextRunner withStarter = this.withoutStarter
        .withConfiguration(AutoConfigurations.of(ObservabilityAutoConfiguration.class,
                ObservabilityHealthAutoConfiguration.class))
        .withPropertyValues("observability.json-logging.enabled=false", "observability.health.interval=1h",
                "observability.circuit-breaker.minimum-number-of-calls=1",
                "observability.circuit-breaker.sliding-window-size=1")
        .withBean(FailingAdapter.class, FailingAdapter::new);

    @ParameterizedTest(name = "database {0}")
    @ValueSource(strings = { "UP", "DOWN", "OUT_OF_SERVICE", "UNKNOWN", "FATAL" })
    void everyGroupHasTheSameStatusAndHttpCodeWithTheStarterWhileAnAdaptersCircuitIsOpen(String database) {
        AtomicReference<Map<String, String>> without = new AtomicReference<>();
        database(this.withoutStarter, database).run((context) -> {
            started(context);
            without.set(groupStatuses(context));
        });
        database(this.withStarter, database).run((context) -> {
            started(context);
            FailingAdapter.openCircuit(context.getBean(ObservabilityManager.class));
            CompositeHealthDescriptor observability = (CompositeHealthDescriptor) ((CompositeHealthDescriptor) context
                .getBean(HealthEndpoint.class).health()).getComponents().get("observability");
            assertThat(observability.getComponents().get("failing").getStatus().getCode()).isEqualTo("CIRCUIT_OPEN");
            assertThat(observability.getStatus()).isEqualTo(Status.UP);
            assertThat(groupStatuses(context)).isEqualTo(without.get());
        });
        assertThat(without.get()).hasSize(GROUPS.length + 1);
    }

    private static ApplicationContextRunner database(ApplicationContextRunner runner, String status) {
        return runner.withBean("databaseHealthIndicator", HealthIndicator.class,
                () -> () -> Health.status(status).build());
    }

    /** What {@code SpringApplication} publishes once the application runs. */
    private static void started(AssertableApplicationContext context) {
        AvailabilityChangeEvent.publish(context, LivenessState.CORRECT);
        AvailabilityChangeEvent.publish(context, ReadinessState.ACCEPTING_TRAFFIC);
    }

    /** @return each group's status and HTTP code, the primary group under {@code ""} */
    private static Map<String, String> groupStatuses(AssertableApplicationContext context) {
        HealthEndpoint endpoint = context.getBean(HealthEndpoint.class);
        HealthEndpointGroups groups = context.getBean(HealthEndpointGroups.class);
        Map<String, String> statuses = new LinkedHashMap<>();
        statuses.put("", describe(endpoint.health().getStatus(), groups.getPrimary()));
        for (String group : GROUPS) {
            statuses.put(group, describe(endpoint.healthForPath(group).getStatus(), groups.get(group)));
        }
        return statuses;
    }

    private static String describe(Status status, HealthEndpointGroup group) {
        return status.getCode() + " " + group.getHttpCodeStatusMapper().getStatusCode(status);
    }
}
