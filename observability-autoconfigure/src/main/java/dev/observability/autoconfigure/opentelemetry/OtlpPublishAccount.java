package dev.observability.autoconfigure.opentelemetry;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import dev.observability.core.spi.AdapterHealth;
import dev.observability.core.spi.HealthStatus;
import org.jspecify.annotations.Nullable;

/**
 * What the OTLP meter registry's publishes did: each request its sender posted to the collector succeeded or failed.
 * The registry publishes in the background every {@code management.otlp.metrics.export.step} and only logs a failure,
 * so this account, not the recordings (which only touch memory), says whether the collector is reached: the last
 * publish decides the OTLP metrics adapter's health, and the next successful one clears a failure.
 */
public final class OtlpPublishAccount {

    private final AtomicLong succeeded = new AtomicLong();

    private final AtomicLong failed = new AtomicLong();

    private final AtomicReference<@Nullable String> lastError = new AtomicReference<>();

    /** Records a publish the collector accepted. */
    void publishSucceeded() {
        this.succeeded.incrementAndGet();
        this.lastError.set(null);
    }

    /**
     * Records a publish that failed.
     * @param address where it was sent
     * @param error why, as the sender said (the collector's status and answer, or the connection's error)
     */
    void publishFailed(@Nullable String address, Throwable error) {
        this.failed.incrementAndGet();
        this.lastError.set(((address != null) ? "to " + address + ": " : "") + describe(error));
    }

    /** @return publishes the collector accepted */
    public long succeeded() {
        return this.succeeded.get();
    }

    /** @return publishes that failed */
    public long failed() {
        return this.failed.get();
    }

    /**
     * @param recording the health of the adapter's recordings (its meters and refusals), kept as details
     * @return {@code DOWN} with the sender's error while the last publish failed, else the recordings' status; the
     * publish counts join the details
     */
    AdapterHealth health(AdapterHealth recording) {
        String error = this.lastError.get();
        AdapterHealth health = (error != null)
                ? new AdapterHealth(HealthStatus.DOWN, "the last metrics publish failed " + error, recording.details())
                : recording;
        return health.withDetail("publishes.succeeded", succeeded()).withDetail("publishes.failed", failed());
    }

    /**
     * @return the error's type and message; a wrapper whose message is only its cause (Micrometer's sender wraps a
     * connection error so) is described by that cause
     */
    private static String describe(Throwable error) {
        Throwable described = error;
        Throwable cause = described.getCause();
        while (cause != null && cause != described && cause.toString().equals(described.getMessage())) {
            described = cause;
            cause = described.getCause();
        }
        String message = described.getMessage();
        String type = described.getClass().getSimpleName();
        return (message != null) ? type + ": " + message : type;
    }
}
