package dev.observability.core.spi;

/**
 * A backend that receives telemetry. An adapter implements one or more of the signal interfaces
 * ({@link MetricsAdapter}, {@link TracingAdapter},
 * {@link HealthAdapter}, {@link LoggingAdapter}); the
 * manager gives each adapter one isolated lane, so an adapter may throw, hang or be slow without harming the
 * application or the other adapters.
 */
public interface ObservabilityAdapter {

    /**
     * The adapter's unique name, used in configuration ({@code observability.adapters.<name>.*}), health and metrics.
     * @return a non-blank name made of letters, digits, {@code -}, {@code _} and {@code .}
     */
    String name();

    /**
     * The adapter's own view of its backend. Called from the health cycle, never from the application's thread; a
     * call that throws or overruns the health timeout is reported as {@code DOWN}.
     * @return the adapter's health, {@link AdapterHealth#up()} by default
     */
    default AdapterHealth health() {
        return AdapterHealth.up();
    }

    /**
     * How the adapter wants to be called when configuration does not say. Adapters for in-memory backends (a
     * Micrometer registry, the OpenTelemetry SDK, which batches itself) return {@link DispatchMode#INLINE}; anything
     * that does I/O should keep the default, {@link DispatchMode#ASYNC}.
     * @return the preferred dispatch mode
     */
    default DispatchMode preferredDispatch() {
        return DispatchMode.ASYNC;
    }

    /**
     * Releases the adapter's resources. Called once, after its lane has drained, when the manager stops.
     * @throws Exception if closing fails; it is reported and otherwise ignored
     */
    default void close() throws Exception {
    }
}
