package dev.observability.autoconfigure.actuator;

import java.time.Instant;
import java.util.Map;

import dev.observability.autoconfigure.ObservabilityAutoConfiguration;
import dev.observability.core.ObservabilityManager;
import dev.observability.core.health.HealthCheck;
import dev.observability.core.spi.AdapterHealth;
import dev.observability.core.spi.LogEvent;
import dev.observability.core.spi.LoggingAdapter;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.autoconfigure.endpoint.EndpointAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.actuate.endpoint.CompositeHealthDescriptor;
import org.springframework.boot.health.actuate.endpoint.HealthDescriptor;
import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.boot.health.actuate.endpoint.HealthEndpointGroups;
import org.springframework.boot.health.actuate.endpoint.IndicatedHealthDescriptor;
import org.springframework.boot.health.autoconfigure.actuate.endpoint.HealthEndpointAutoConfiguration;
import org.springframework.boot.health.autoconfigure.contributor.HealthContributorAutoConfiguration;
import org.springframework.boot.health.autoconfigure.registry.HealthContributorRegistryAutoConfiguration;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

class ObservabilityHealthAutoConfigurationTests {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(ObservabilityAutoConfiguration.class,
                ObservabilityHealthAutoConfiguration.class, HealthContributorAutoConfiguration.class,
                HealthContributorRegistryAutoConfiguration.class, HealthEndpointAutoConfiguration.class,
                EndpointAutoConfiguration.class))
        .withPropertyValues("management.endpoint.health.show-details=always",
                "observability.json-logging.enabled=false", "observability.health.interval=1h",
                "observability.circuit-breaker.minimum-number-of-calls=1",
                "observability.circuit-breaker.sliding-window-size=1");

    @Test
    void showsOneComponentPerAdapterWithDetails() {
        this.runner.withBean(FailingAdapter.class, FailingAdapter::new).run((context) -> {
            CompositeHealthDescriptor observability = observability(context);
            assertThat(observability.getComponents()).containsOnlyKeys("failing", "manager");
            Map<String, Object> details = ((IndicatedHealthDescriptor) observability.getComponents().get("failing"))
                .getDetails();
            assertThat(details).containsEntry("dispatch", "INLINE").containsEntry("circuitState", "CLOSED")
                .containsKeys("queueDepth", "queueCapacity", "delivered", "failed", "dropped", "rejected");
        });
    }

    @Test
    void saysWhenTheAdaptersOwnHealthWasReadNextToTheLiveCounts() {
        this.runner.withBean(FailingAdapter.class, FailingAdapter::new).run((context) -> {
            Instant before = Instant.now();
            context.getBean(ObservabilityManager.class).controls().runHealthChecks();
            Map<String, Object> details = ((IndicatedHealthDescriptor) observability(context).getComponents()
                .get("failing")).getDetails();
            assertThat(Instant.parse((String) details.get("healthCheckedAt"))).isAfterOrEqualTo(before)
                .isBeforeOrEqualTo(Instant.now());
        });
    }

    @Test
    void keepsApplicationUpWithHttp200WhileAnAdaptersCircuitIsOpen() {
        this.runner.withBean(FailingAdapter.class, FailingAdapter::new).run((context) -> {
            openCircuit(context);
            HealthDescriptor health = context.getBean(HealthEndpoint.class).health();
            assertThat(health.getStatus()).isEqualTo(Status.UP);
            assertThat(httpStatus(context, health.getStatus())).isEqualTo(200);
            IndicatedHealthDescriptor failing = (IndicatedHealthDescriptor) observability(context).getComponents()
                .get("failing");
            assertThat(failing.getStatus().getCode()).isEqualTo("CIRCUIT_OPEN");
            assertThat(failing.getDetails()).containsEntry("failed", 1L)
                .containsEntry("lastError", "java.lang.IllegalStateException: collector unreachable")
                .containsKey("lastErrorTime");
        });
    }

    @Test
    void goesDownWithHttp503WhenAdapterTroubleIsDown() {
        this.runner.withBean(FailingAdapter.class, FailingAdapter::new)
            .withPropertyValues("observability.health.adapter-trouble-is-down=true")
            .run((context) -> {
                openCircuit(context);
                HealthDescriptor health = context.getBean(HealthEndpoint.class).health();
                assertThat(health.getStatus()).isEqualTo(Status.DOWN);
                assertThat(httpStatus(context, health.getStatus())).isEqualTo(503);
            });
    }

    @Test
    void neverMasksAnotherContributorsDown() {
        this.runner.withBean(FailingAdapter.class, FailingAdapter::new)
            .withBean("databaseHealthIndicator", HealthIndicator.class, () -> () -> Health.down().build())
            .run((context) -> {
                openCircuit(context);
                assertThat(context.getBean(HealthEndpoint.class).health().getStatus()).isEqualTo(Status.DOWN);
            });
    }

    @Test
    void countsAnAdaptersStatusWhereTheApplicationRanksItInItsStatusOrder() {
        this.runner.withBean(FailingAdapter.class, FailingAdapter::new)
            .withPropertyValues("management.endpoint.health.status.order=down,circuit-open,out-of-service,up,unknown",
                    "management.endpoint.health.status.http-mapping.circuit-open=503")
            .run((context) -> {
                openCircuit(context);
                HealthDescriptor health = context.getBean(HealthEndpoint.class).health();
                assertThat(health.getStatus().getCode()).isEqualTo("CIRCUIT_OPEN");
                assertThat(httpStatus(context, health.getStatus())).isEqualTo(503);
            });
    }

    @Test
    void namesItsOwnComponentsApartFromAdaptersOfTheSameName() {
        this.runner.withBean("managerAdapter", LoggingAdapter.class, () -> named("manager"))
            .withBean("checksAdapter", LoggingAdapter.class, () -> named("checks"))
            .withBean(HealthCheck.class, () -> HealthCheck.of("database", AdapterHealth::up))
            .run((context) -> {
                context.getBean(ObservabilityManager.class).controls().runHealthChecks();
                assertThat(observability(context).getComponents()).containsOnlyKeys("manager", "checks",
                        "observability-manager", "observability-checks");
                assertThat(observability(context).getComponents().get("observability-manager"))
                    .isInstanceOf(IndicatedHealthDescriptor.class);
                assertThat(observability(context).getComponents().get("observability-checks"))
                    .isInstanceOf(CompositeHealthDescriptor.class);
            });
    }

    @Test
    void showsScheduledHealthChecks() {
        this.runner.withBean(HealthCheck.class, () -> HealthCheck.of("database", () -> AdapterHealth.down("gone")))
            .withPropertyValues("observability.health.failure-threshold=1")
            .run((context) -> {
                context.getBean(ObservabilityManager.class).controls().runHealthChecks();
                CompositeHealthDescriptor checks = (CompositeHealthDescriptor) observability(context).getComponents()
                    .get("checks");
                IndicatedHealthDescriptor database = (IndicatedHealthDescriptor) checks.getComponents().get("database");
                assertThat(database.getStatus()).isEqualTo(Status.DOWN);
                assertThat(database.getDetails()).containsEntry("message", "gone").containsKey("consecutiveFailures");
            });
    }

    @Test
    void backsOffWithoutActuator() {
        new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ObservabilityAutoConfiguration.class,
                    ObservabilityHealthAutoConfiguration.class))
            .withClassLoader(new FilteredClassLoader("org.springframework.boot.health",
                "org.springframework.boot.actuate"))
            .run((context) -> assertThat(context).hasNotFailed()
                .doesNotHaveBean(ObservabilityHealthContributor.class)
                .hasSingleBean(ObservabilityManager.class));
    }

    @Test
    void backsOffWhenHealthIndicatorIsDisabled() {
        this.runner.withPropertyValues("management.health.observability.enabled=false")
            .run((context) -> assertThat(context).doesNotHaveBean(ObservabilityHealthContributor.class));
    }

    @Test
    void backsOffWhenObservabilityIsDisabled() {
        this.runner.withPropertyValues("observability.enabled=false")
            .run((context) -> assertThat(context).doesNotHaveBean(ObservabilityHealthContributor.class));
    }

    @Test
    void usesTheUsersContributor() {
        ObservabilityHealthContributor own = new ObservabilityHealthContributor(
                ObservabilityManager.builder().build(), true);
        this.runner.withBean("observabilityHealthContributor", ObservabilityHealthContributor.class, () -> own)
            .run((context) -> assertThat(context.getBean(ObservabilityHealthContributor.class)).isSameAs(own));
    }

    private static LoggingAdapter named(String name) {
        return new LoggingAdapter() {

            @Override
            public String name() {
                return name;
            }

            @Override
            public void log(LogEvent event) {
            }
        };
    }

    private static void openCircuit(AssertableApplicationContext context) {
        FailingAdapter.openCircuit(context.getBean(ObservabilityManager.class));
    }

    private static CompositeHealthDescriptor observability(AssertableApplicationContext context) {
        CompositeHealthDescriptor root = (CompositeHealthDescriptor) context.getBean(HealthEndpoint.class).health();
        return (CompositeHealthDescriptor) root.getComponents().get("observability");
    }

    private static int httpStatus(AssertableApplicationContext context, Status status) {
        return context.getBean(HealthEndpointGroups.class).getPrimary().getHttpCodeStatusMapper()
            .getStatusCode(status);
    }
}
