package dev.observability.autoconfigure.opentelemetry;

import java.util.Collection;
import java.util.function.Function;
import java.util.function.Supplier;

import dev.observability.core.redaction.SafeText;
import io.opentelemetry.sdk.common.CompletableResultCode;

/**
 * What the counting wrappers of the SDK's exporters share, whichever signal they export: every export's result goes
 * to the signal's {@link ExportAccount} (which also reports failures in the application log, at most once per
 * interval, and refuses exports while the signal is switched off); flush and shutdown pass through.
 *
 * @param <T> what the exporter exports
 */
abstract class CountingExporter<T> {

    private final Object delegate;

    private final Function<Collection<T>, CompletableResultCode> export;

    private final Supplier<CompletableResultCode> flush;

    private final Supplier<CompletableResultCode> shutdown;

    private final ExportAccount account;

    CountingExporter(Object delegate, Function<Collection<T>, CompletableResultCode> export,
            Supplier<CompletableResultCode> flush, Supplier<CompletableResultCode> shutdown, ExportAccount account) {
        this.delegate = delegate;
        this.export = export;
        this.flush = flush;
        this.shutdown = shutdown;
        this.account = account;
        account.exporterWrapped();
    }

    /**
     * @param items what to export
     * @return the wrapped exporter's result, recorded in the account; success for an export refused while the signal
     * is switched off
     */
    public CompletableResultCode export(Collection<T> items) {
        return this.account.export(items.size(), this.delegate, () -> this.export.apply(items));
    }

    /** @return the wrapped exporter's flush */
    public CompletableResultCode flush() {
        return this.flush.get();
    }

    /** @return the wrapped exporter's shutdown */
    public CompletableResultCode shutdown() {
        return this.shutdown.get();
    }

    /** @return the wrapper and the wrapped exporter, whose endpoint is shown without user info and query */
    @Override
    public String toString() {
        return getClass().getSimpleName() + "[" + SafeText.clean(String.valueOf(this.delegate)) + "]";
    }
}
