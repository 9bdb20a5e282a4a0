package dev.observability.autoconfigure.opentelemetry;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import dev.observability.autoconfigure.AdapterSwitch;
import dev.observability.core.dispatch.FailureLog;
import dev.observability.core.redaction.SafeText;
import dev.observability.core.spi.AdapterHealth;
import dev.observability.core.spi.ExportCounts;
import dev.observability.core.spi.HealthStatus;
import org.jspecify.annotations.Nullable;

/**
 * What the OTLP meter registry's publishes did: each request its sender posted to the collector succeeded or failed,
 * or was refused because metrics are switched off. The registry publishes in the background every
 * {@code management.otlp.metrics.export.step}, so this account, not the recordings (which only touch memory), says
 * whether the collector is reached: the last publish decides the OTLP metrics adapter's health, and the next
 * successful one clears a failure. Failed publishes are reported in the application log like any adapter's failures:
 * at most once per interval, with the count since the last report.
 */
public final class OtlpPublishAccount {

    private final AtomicLong succeeded = new AtomicLong();

    private final AtomicLong failed = new AtomicLong();

    private final AtomicLong refused = new AtomicLong();

    private final AtomicReference<@Nullable String> lastError = new AtomicReference<>();

    private final AdapterSwitch adapterSwitch;

    private final FailureLog failureLog;

    /** An account for metrics that are on, reporting failed publishes at most once a minute. */
    public OtlpPublishAccount() {
        this(new AdapterSwitch(OpenTelemetryMetricsAdapter.NAME, true), Duration.ofMinutes(1));
    }

    /**
     * @param adapterSwitch the metrics' switch: while it is off no publish is sent
     * @param failureLogInterval the shortest time between two reports of failed publishes in the application log
     */
    public OtlpPublishAccount(AdapterSwitch adapterSwitch, Duration failureLogInterval) {
        this.adapterSwitch = adapterSwitch;
        this.failureLog = new FailureLog(adapterSwitch.adapterName(), failureLogInterval);
    }

    /** @return the metrics' switch; declared as a bean for the manager */
    public AdapterSwitch adapterSwitch() {
        return this.adapterSwitch;
    }

    /**
     * Counts a publish refused because metrics are switched off.
     * @return whether it is refused: the sender sends nothing then
     */
    boolean refuses() {
        if (this.adapterSwitch.isOn()) {
            return false;
        }
        this.refused.incrementAndGet();
        return true;
    }

    /** Records a publish the collector accepted. */
    void publishSucceeded() {
        this.succeeded.incrementAndGet();
        this.lastError.set(null);
    }

    /**
     * Records a publish that failed and reports it in the application log when the interval since the last report
     * passed.
     * @param address where it was sent, shown without its user info and query
     * @param error why, as the sender said (the collector's status and answer, or the connection's error), shown
     * cleaned of credentials
     */
    void publishFailed(@Nullable String address, Throwable error) {
        this.failed.incrementAndGet();
        this.lastError.set(((address != null) ? "to " + SafeText.clean(address) + ": " : "")
                + SafeText.describe(error));
        this.failureLog.failed(error);
    }

    /** @return publishes the collector accepted */
    public long succeeded() {
        return this.succeeded.get();
    }

    /** @return publishes that failed */
    public long failed() {
        return this.failed.get();
    }

    /** @return publishes not sent because metrics were switched off */
    public long refused() {
        return this.refused.get();
    }

    /**
     * @param recording the health of the adapter's recordings (its meters and refusals), kept as details
     * @return {@code DOWN} with the sender's error while the last publish failed, else the recordings' status; the
     * publish counts are its {@link ExportCounts} (a publish is not queued: it is sent, or refused while metrics are
     * switched off)
     */
    AdapterHealth health(AdapterHealth recording) {
        String error = this.lastError.get();
        AdapterHealth health = (error != null)
                ? new AdapterHealth(HealthStatus.DOWN, "the last metrics publish failed " + error, recording.details())
                : recording;
        return health.withExports(new ExportCounts("publishes", succeeded(), failed(), refused(), 0));
    }
}
