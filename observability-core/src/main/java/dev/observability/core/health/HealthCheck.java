package dev.observability.core.health;

import dev.observability.core.spi.AdapterHealth;

/**
 * A named check of something the application depends on, run by the manager on a schedule with a timeout.
 */
public interface HealthCheck {

    /** @return the check's unique name */
    String name();

    /**
     * Runs the check. Throwing, or overrunning the timeout, counts as a failure.
     * @return the result; {@code DEGRADED} and {@code DOWN} count as failures
     * @throws Exception when the check fails
     */
    AdapterHealth check() throws Exception;

    /**
     * A check from a name and a function.
     * @param name the check's name
     * @param check the function
     * @return the check
     */
    static HealthCheck of(String name, java.util.concurrent.Callable<AdapterHealth> check) {
        return new HealthCheck() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public AdapterHealth check() throws Exception {
                return check.call();
            }
        };
    }
}
