package dev.observability.autoconfigure.opentelemetry;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import dev.observability.core.internal.dispatch.FailureLog;
import dev.observability.core.spi.AdapterHealth;
import dev.observability.core.spi.HealthStatus;
import org.jspecify.annotations.Nullable;

/**
 * What the OpenTelemetry SDK did with the spans it was given, from the exporters' results: spans ended (sampled),
 * exported, failed, and those that never reached an exporter (dropped by the SDK's full queue, or still waiting
 * in it). The SDK exports in the background, so this account, not the span calls, says whether the backend is
 * reached: the last export decides the adapter's health, and the next successful export clears a failure. Failed
 * exports are reported in the application log like any adapter's failures: at most once per interval, with the count
 * since the last report.
 */
public final class SpanExportAccount {

    private final AtomicLong ended = new AtomicLong();

    private final AtomicLong exported = new AtomicLong();

    private final AtomicLong failed = new AtomicLong();

    private final AtomicReference<@Nullable String> lastError = new AtomicReference<>();

    private final AtomicInteger exporters = new AtomicInteger();

    private final FailureLog failureLog;

    /** An account that reports failed exports at most once a minute. */
    public SpanExportAccount() {
        this(Duration.ofMinutes(1));
    }

    /**
     * @param failureLogInterval the shortest time between two reports of failed exports in the application log
     */
    public SpanExportAccount(Duration failureLogInterval) {
        this.failureLog = new FailureLog(OpenTelemetryAdapter.NAME, failureLogInterval);
    }

    /** Counts one exporter whose results are recorded here. */
    void exporterWrapped() {
        this.exporters.incrementAndGet();
    }

    /** @return whether any exporter records its results here, so failed exports are reported from here */
    boolean hasExporters() {
        return this.exporters.get() > 0;
    }

    /** Counts one sampled span that ended and was handed to the SDK's processors. */
    void spanEnded() {
        this.ended.incrementAndGet();
    }

    /**
     * Records a successful export.
     * @param spans how many spans it carried
     */
    void exported(int spans) {
        this.exported.addAndGet(spans);
        this.lastError.set(null);
    }

    /**
     * Records a failed export and reports it in the application log when the interval since the last report passed.
     * @param spans how many spans it carried
     * @param error why, as the exporter said
     */
    void failed(int spans, Throwable error) {
        this.failed.addAndGet(spans);
        String message = error.getMessage();
        this.lastError.set((message != null) ? error.getClass().getSimpleName() + ": " + message
                : error.getClass().getSimpleName());
        this.failureLog.failed(error);
    }

    /** @return sampled spans that ended */
    public long ended() {
        return this.ended.get();
    }

    /** @return spans the backend accepted */
    public long exported() {
        return this.exported.get();
    }

    /** @return spans whose export failed */
    public long failed() {
        return this.failed.get();
    }

    /** @return spans that ended but reached no exporter: dropped by the SDK's full queue or still waiting in it */
    public long droppedOrQueued() {
        return Math.max(0, ended() - exported() - failed());
    }

    /**
     * @return {@code DOWN} with the exporter's error while the last export failed, else {@code UP}; the counts are
     * details
     */
    public AdapterHealth health() {
        String error = this.lastError.get();
        HealthStatus status = (error != null) ? HealthStatus.DOWN : HealthStatus.UP;
        String message = (error != null) ? "the last span export failed: " + error : null;
        return AdapterHealth.of(status, message)
            .withDetail("spans.ended", ended())
            .withDetail("spans.exported", exported())
            .withDetail("spans.failed", failed())
            .withDetail("spans.dropped_or_queued", droppedOrQueued());
    }
}
