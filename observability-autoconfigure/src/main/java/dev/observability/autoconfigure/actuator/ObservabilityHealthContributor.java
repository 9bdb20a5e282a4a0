package dev.observability.autoconfigure.actuator;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import dev.observability.core.ObservabilityControls;
import dev.observability.core.ObservabilityManager;
import dev.observability.core.spi.AdapterSnapshot;
import dev.observability.core.spi.CheckResult;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.health.contributor.CompositeHealthContributor;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthContributor;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * The {@code observability} health contributor: one component per adapter, named by the adapter, with its status
 * and details (dispatch, breaker state, queue, the account of its events, last error), one component
 * {@value #CHECKS} with the scheduled health checks, and one component {@value #MANAGER} for the manager itself
 * ({@code UP} while it runs: the lanes keep every adapter's trouble to itself). Each of the last two is named with
 * an {@code observability-} prefix when an adapter has its name. Read live from the manager, so adapters
 * registered at runtime show too; nothing here calls an adapter or runs a check.
 * <p>
 * The application's aggregators rank the components: adapters' own statuses (see
 * {@link ObservabilityHealthStatuses}) are outside Boot's order and count for nothing, so the {@value #MANAGER}
 * component makes the contributor {@code UP} while adapters are in trouble, in any order that ranks {@code UP} (a
 * composite whose statuses are all outside the order would aggregate to {@code UNKNOWN}, which an order such as
 * {@code fatal,down,out-of-service,unknown,up} ranks above {@code UP}), and {@code DOWN} when a check is or when
 * {@code adapter-trouble-is-down} asks for it.
 */
public final class ObservabilityHealthContributor implements CompositeHealthContributor {

    /** The name of the component that holds the health checks. */
    public static final String CHECKS = "checks";

    /** The name of the component that shows the manager itself. */
    public static final String MANAGER = "manager";

    private static final String FALLBACK_PREFIX = "observability-";

    private final ObservabilityManager manager;

    private final ObservabilityControls controls;

    private final boolean troubleIsDown;

    /**
     * @param manager the manager
     * @param troubleIsDown whether an adapter in trouble reports {@code DOWN}
     * ({@code observability.health.adapter-trouble-is-down})
     */
    public ObservabilityHealthContributor(ObservabilityManager manager, boolean troubleIsDown) {
        this.manager = manager;
        this.controls = manager.controls();
        this.troubleIsDown = troubleIsDown;
    }

    @Override
    public @Nullable HealthContributor getContributor(String name) {
        if (name.equals(componentName(MANAGER))) {
            return managerIndicator();
        }
        if (name.equals(componentName(CHECKS))) {
            return checks();
        }
        return this.controls.adapter(name).isPresent() ? adapterIndicator(name) : null;
    }

    @Override
    public Stream<Entry> stream() {
        List<Entry> entries = new ArrayList<>();
        for (AdapterSnapshot adapter : this.controls.adapters()) {
            entries.add(new Entry(adapter.name(), adapterIndicator(adapter.name())));
        }
        HealthContributor checks = checks();
        if (checks != null) {
            entries.add(new Entry(componentName(CHECKS), checks));
        }
        entries.add(new Entry(componentName(MANAGER), managerIndicator()));
        return entries.stream();
    }

    /** @return the name of one of the contributor's own components: prefixed when an adapter has that name */
    private String componentName(String name) {
        return this.controls.adapter(name).isPresent() ? FALLBACK_PREFIX + name : name;
    }

    private HealthIndicator managerIndicator() {
        return () -> (this.manager.isRunning() ? Health.up() : Health.unknown().withDetail("message", "stopped"))
            .withDetail("adapters", this.controls.adapters().size())
            .build();
    }

    private HealthIndicator adapterIndicator(String name) {
        return () -> this.controls.adapter(name).map(this::adapterHealth)
            .orElseGet(() -> Health.unknown().withDetail("message", "no longer registered").build());
    }

    private Health adapterHealth(AdapterSnapshot adapter) {
        return Health.status(ObservabilityHealthStatuses.ofAdapter(adapter.health().status(), this.troubleIsDown))
            .withDetails(AdapterDetails.of(adapter))
            .build();
    }

    private @Nullable CompositeHealthContributor checks() {
        List<CheckResult> results = this.controls.health().checks();
        if (results.isEmpty()) {
            return null;
        }
        Map<String, HealthIndicator> indicators = new LinkedHashMap<>();
        for (CheckResult result : results) {
            Health health = checkHealth(result);
            indicators.put(result.name(), () -> health);
        }
        return CompositeHealthContributor.fromMap(indicators);
    }

    private static Health checkHealth(CheckResult result) {
        Health.Builder builder = Health.status(ObservabilityHealthStatuses.ofCheck(result.health().status()));
        if (result.health().message() != null) {
            builder.withDetail("message", result.health().message());
        }
        return builder.withDetail("consecutiveFailures", result.consecutiveFailures())
            .withDetail("checkedAt", result.checkedAt().toString())
            .withDetail("durationMillis", result.duration().toMillis())
            .withDetails(result.health().details())
            .build();
    }
}
