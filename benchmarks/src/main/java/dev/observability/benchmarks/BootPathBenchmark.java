package dev.observability.benchmarks;

import org.jspecify.annotations.Nullable;
import org.openjdk.jmh.annotations.TearDown;

/**
 * A benchmark of one of Boot's own paths: the same path in a Spring Boot application without the starter
 * ({@code boot}) and with it ({@code starter}: its defaults plus one custom ASYNC adapter), side by side in one run,
 * each benchmark's variants in a {@code variant} parameter of its own. See {@link BootApplication}. A subclass's
 * set-up starts the application with {@link #startApplication} (JMH runs a class's set-up methods in no defined
 * order, so there is one per benchmark).
 */
public abstract class BootPathBenchmark extends FullMode {

    private @Nullable BootApplication application;

    /**
     * @param variant the application's variant (see {@link BootApplication#start})
     * @param properties further properties, {@code key=value}
     * @return the application, started; it stops after the trial
     */
    protected BootApplication startApplication(String variant, String... properties) {
        BootApplication started = BootApplication.start(variant, properties);
        this.application = started;
        return started;
    }

    /** Stops the application. */
    @TearDown
    public void stopApplication() {
        if (this.application != null) {
            this.application.close();
        }
    }
}
