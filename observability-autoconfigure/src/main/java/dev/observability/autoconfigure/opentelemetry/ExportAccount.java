package dev.observability.autoconfigure.opentelemetry;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import dev.observability.autoconfigure.AdapterSwitch;
import dev.observability.core.dispatch.FailureLog;
import dev.observability.core.redaction.SafeText;
import dev.observability.core.spi.AdapterHealth;
import dev.observability.core.spi.ExportCounts;
import dev.observability.core.spi.HealthStatus;
import io.opentelemetry.sdk.common.CompletableResultCode;
import org.jspecify.annotations.Nullable;

/**
 * What the OpenTelemetry SDK did with one signal's items (spans, log records), from its exporters' results: items
 * handed to the SDK's exporting processor, exported, failed, refused because the signal is switched off, those that
 * never reached an exporter (dropped by the SDK's full queue, or still waiting in it), and those handed over while no
 * exporter is configured, which nothing exports by the application's own choice. The SDK exports in the
 * background, so this account, not the adapter's calls, says whether the backend is reached: the last export decides
 * the adapter's health, and the next successful export clears a failure. Failed exports are reported in the
 * application log like any adapter's failures: at most once per interval, with the count since the last report.
 * While the signal's {@link AdapterSwitch} is off, the exporters send nothing: each export is refused and counted.
 */
public abstract class ExportAccount {

    private final AtomicLong handedOver = new AtomicLong();

    private final AtomicLong withoutExporter = new AtomicLong();

    private final AtomicLong exported = new AtomicLong();

    private final AtomicLong failed = new AtomicLong();

    private final AtomicLong refused = new AtomicLong();

    private final AtomicReference<@Nullable String> lastError = new AtomicReference<>();

    private final AtomicInteger exporters = new AtomicInteger();

    private final String signal;

    private final String items;

    private final String handedOverName;

    private final AdapterSwitch adapterSwitch;

    private final FailureLog failureLog;

    /**
     * @param signal the signal in the health message ({@code span}, {@code log})
     * @param items the prefix of the health details ({@code spans}, {@code records})
     * @param handedOverName the detail that counts items handed to the SDK's exporting processor ({@code ended})
     * @param adapterSwitch the signal's switch: while it is off nothing is exported
     * @param failureLogInterval the shortest time between two reports of failed exports in the application log
     */
    ExportAccount(String signal, String items, String handedOverName, AdapterSwitch adapterSwitch,
            Duration failureLogInterval) {
        this.signal = signal;
        this.items = items;
        this.handedOverName = handedOverName;
        this.adapterSwitch = adapterSwitch;
        this.failureLog = new FailureLog(adapterSwitch.adapterName(), failureLogInterval);
    }

    /** @return the switch of the signal this account is for; declared as a bean for the manager */
    public AdapterSwitch adapterSwitch() {
        return this.adapterSwitch;
    }

    /** Counts one exporter whose results are recorded here. */
    void exporterWrapped() {
        this.exporters.incrementAndGet();
    }

    /** @return whether any exporter records its results here, so failed exports are reported from here */
    boolean hasExporters() {
        return this.exporters.get() > 0;
    }

    /** Counts one item handed to the SDK's exporting processor, apart when no exporter is there to take it. */
    void handedOver() {
        this.handedOver.incrementAndGet();
        if (!hasExporters()) {
            this.withoutExporter.incrementAndGet();
        }
    }

    /**
     * Runs one export of a wrapped exporter and records its result, or refuses it while the signal is switched off.
     * @param count how many items it carries
     * @param exporter the wrapped exporter, named in a failure without an error of its own
     * @param export the exporter's export call
     * @return the export's result, or success for a refused export (the SDK has nothing to report about it)
     */
    CompletableResultCode export(int count, Object exporter, Supplier<CompletableResultCode> export) {
        if (!this.adapterSwitch.isOn()) {
            this.refused.addAndGet(count);
            return CompletableResultCode.ofSuccess();
        }
        CompletableResultCode result;
        try {
            result = export.get();
        }
        catch (RuntimeException ex) {
            failed(count, ex);
            return CompletableResultCode.ofExceptionalFailure(ex);
        }
        result.whenComplete(() -> {
            if (result.isSuccess()) {
                exported(count);
            }
            else {
                Throwable error = result.getFailureThrowable();
                failed(count, (error != null) ? error
                        : new IllegalStateException(exporter.getClass().getSimpleName() + " reported a failure"));
            }
        });
        return result;
    }

    /**
     * Records a successful export.
     * @param count how many items it carried
     */
    void exported(int count) {
        this.exported.addAndGet(count);
        this.lastError.set(null);
    }

    /**
     * Records a failed export and reports it in the application log when the interval since the last report passed.
     * @param count how many items it carried
     * @param error why, as the exporter said, shown cleaned of credentials
     */
    void failed(int count, Throwable error) {
        this.failed.addAndGet(count);
        this.lastError.set(SafeText.describe(error));
        this.failureLog.failed(error);
    }

    /** @return items handed to the SDK's exporting processor */
    long handedOverCount() {
        return this.handedOver.get();
    }

    /** @return items the backend accepted */
    public long exported() {
        return this.exported.get();
    }

    /** @return items whose export failed */
    public long failed() {
        return this.failed.get();
    }

    /** @return items not sent because the signal was switched off */
    public long refused() {
        return this.refused.get();
    }

    /** @return items handed to the SDK while no exporter was configured: not exported, and not lost either */
    public long withoutExporter() {
        return this.withoutExporter.get();
    }

    /**
     * @return items handed to the SDK, with an exporter configured, that reached no exporter: dropped by the SDK's full
     * queue or still waiting in it
     */
    public long droppedOrQueued() {
        return Math.max(0, handedOverCount() - withoutExporter() - exported() - failed() - refused());
    }

    /**
     * @return {@code DOWN} with the exporter's error while the last export failed, else {@code UP}, saying so when no
     * exporter is configured; the items handed to the SDK, and those handed while no exporter was configured, are
     * details, and what became of the rest the health's {@link ExportCounts}
     */
    public AdapterHealth health() {
        String error = this.lastError.get();
        HealthStatus status = (error != null) ? HealthStatus.DOWN : HealthStatus.UP;
        String message = (error != null) ? "the last " + this.signal + " export failed: " + error
                : hasExporters() ? null : "no " + this.signal + " exporter is configured: nothing is exported";
        return AdapterHealth.of(status, message)
            .withDetail(this.items + "." + this.handedOverName, handedOverCount())
            .withDetail(this.items + ".without_exporter", withoutExporter())
            .withExports(new ExportCounts(this.items, exported(), failed(), refused(), droppedOrQueued()));
    }
}
