package dev.observability.autoconfigure.opentelemetry;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
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
 * What an exporter that works out of its adapter's sight did with one signal's items: the OpenTelemetry SDK's span
 * and log record exporters, which send in the background what the SDK was handed, and the OTLP meter registry's
 * sender, which pushes the metrics every step. Each item gets one outcome: exported, failed, refused because the
 * signal is switched off, or lost on the way (dropped by the SDK's full queue, or still waiting in it: the items
 * handed to the SDK that reached no exporter). Items handed over while no exporter is configured are counted apart:
 * nothing exports them, by the application's own choice.
 * <p>
 * These exports, not the adapter's calls (which only touch memory), say whether the backend is reached: the last
 * export decides the adapter's health, and the next successful one clears a failure. A failure is described in one
 * way, by {@link SafeText#describe} (cleaned of credentials), and reported in the application's log by a
 * {@link FailureLog}: at most once per interval, with the count since the last report. While the signal's
 * {@link AdapterSwitch} is off nothing is sent: each export is refused and counted.
 */
public final class ExportOutcomes {

    private final AtomicLong handedOver = new AtomicLong();

    private final AtomicLong withoutExporter = new AtomicLong();

    private final AtomicLong exported = new AtomicLong();

    private final AtomicLong failed = new AtomicLong();

    private final AtomicLong refused = new AtomicLong();

    private final AtomicReference<@Nullable String> lastFailure = new AtomicReference<>();

    private final AtomicInteger exporters = new AtomicInteger();

    private final String signal;

    private final String export;

    private final String items;

    private final String handedOverName;

    private final AdapterSwitch adapterSwitch;

    private final FailureLog failureLog;

    private ExportOutcomes(String signal, String export, String items, String handedOverName,
            AdapterSwitch adapterSwitch, Duration failureLogInterval) {
        this.signal = signal;
        this.export = export;
        this.items = items;
        this.handedOverName = handedOverName;
        this.adapterSwitch = adapterSwitch;
        this.failureLog = new FailureLog(adapterSwitch.adapterName(), failureLogInterval);
    }

    /**
     * @param adapterSwitch the traces' switch: while it is off no span is exported
     * @param failureLogInterval the shortest time between two reports of failed exports in the application's log
     * @return the outcomes of the SDK's span exports: spans ended (sampled) and handed to its exporting processor,
     * exported, failed, refused, lost
     */
    public static ExportOutcomes ofSpans(AdapterSwitch adapterSwitch, Duration failureLogInterval) {
        return new ExportOutcomes("span", "export", "spans", "ended", adapterSwitch, failureLogInterval);
    }

    /**
     * @param adapterSwitch the logs' switch: while it is off no record is exported
     * @param failureLogInterval the shortest time between two reports of failed exports in the application's log
     * @return the outcomes of the SDK's log record exports: records emitted to its processors, exported, failed,
     * refused, lost
     */
    public static ExportOutcomes ofLogRecords(AdapterSwitch adapterSwitch, Duration failureLogInterval) {
        return new ExportOutcomes("log", "export", "records", "emitted", adapterSwitch, failureLogInterval);
    }

    /**
     * @param adapterSwitch the metrics' switch: while it is off no publish is sent
     * @param failureLogInterval the shortest time between two reports of failed publishes in the application's log
     * @return the outcomes of the OTLP registry's publishes, each one request: exported, failed, refused (a publish
     * is sent at once, so none is lost on the way)
     */
    public static ExportOutcomes ofMetricsPublishes(AdapterSwitch adapterSwitch, Duration failureLogInterval) {
        return new ExportOutcomes("metrics", "publish", "publishes", "sent", adapterSwitch, failureLogInterval);
    }

    /** @return the switch of the signal these outcomes are for; declared as a bean for the manager */
    public AdapterSwitch adapterSwitch() {
        return this.adapterSwitch;
    }

    /** Counts one exporter whose exports are counted here. */
    public void exporterAdded() {
        this.exporters.incrementAndGet();
    }

    /** Counts one item handed to the SDK's exporting processor, apart when no exporter is there to take it. */
    public void itemHandedOver() {
        this.handedOver.incrementAndGet();
        if (!hasExporters()) {
            this.withoutExporter.incrementAndGet();
        }
    }

    /**
     * Refuses an export while the signal is switched off.
     * @param count how many items it carries
     * @return whether it is refused (and counted so): the exporter sends nothing then
     */
    public boolean refuses(int count) {
        if (this.adapterSwitch.isOn()) {
            return false;
        }
        this.refused.addAndGet(count);
        return true;
    }

    /**
     * Records an export the backend accepted, which clears the last failure.
     * @param count how many items it carried
     */
    public void exported(int count) {
        this.exported.addAndGet(count);
        this.lastFailure.set(null);
    }

    /**
     * Records a failed export and reports it in the application's log when the interval since the last report passed.
     * @param count how many items it carried
     * @param error why, as the exporter said
     */
    public void failed(int count, Throwable error) {
        failed(count, null, error);
    }

    /**
     * Records a failed export and reports it in the application's log when the interval since the last report passed.
     * @param count how many items it carried
     * @param address where it was sent, when the exporter says so; shown without user info and query
     * @param error why, as the exporter said (the backend's status and answer, or the connection's error)
     */
    public void failed(int count, @Nullable String address, Throwable error) {
        this.failed.addAndGet(count);
        this.lastFailure.set("the last " + this.signal + " " + this.export + " failed"
                + ((address != null) ? " to " + SafeText.clean(address) : "") + ": " + SafeText.describe(error));
        this.failureLog.failed(error);
    }

    /** @return items handed to the SDK's exporting processor */
    public long handedOver() {
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
        return Math.max(0, handedOver() - withoutExporter() - exported() - failed() - refused());
    }

    /**
     * The health of an adapter whose items an SDK exports.
     * @return {@code DOWN} with the exporter's error while the last export failed, else {@code UP}, saying so when no
     * exporter is configured; the items handed to the SDK, and those handed while no exporter was configured, are
     * details, and what became of the rest the health's {@link ExportCounts}
     */
    public AdapterHealth health() {
        String message = hasExporters() ? null
                : "no " + this.signal + " exporter is configured: nothing is exported";
        return health(AdapterHealth.of(HealthStatus.UP, message)
            .withDetail(this.items + "." + this.handedOverName, handedOver())
            .withDetail(this.items + ".without_exporter", withoutExporter()));
    }

    /**
     * @param healthy the adapter's health apart from its exports
     * @return {@code DOWN} with the exporter's error and the given health's details while the last export failed,
     * else the given health; the outcomes are its {@link ExportCounts}
     */
    public AdapterHealth health(AdapterHealth healthy) {
        String failure = this.lastFailure.get();
        AdapterHealth health = (failure != null) ? new AdapterHealth(HealthStatus.DOWN, failure, healthy.details())
                : healthy;
        return health.withExports(new ExportCounts(this.items, exported(), failed(), refused(), droppedOrQueued()));
    }

    private boolean hasExporters() {
        return this.exporters.get() > 0;
    }
}
