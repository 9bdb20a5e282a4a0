package dev.observability.autoconfigure.opentelemetry;

import java.util.Collection;
import java.util.function.Function;
import java.util.function.Supplier;

import dev.observability.core.redaction.SafeText;
import io.opentelemetry.sdk.common.CompletableResultCode;

/**
 * What the counting wrappers of the SDK's exporters share, whichever signal they export: every export's result goes
 * to the signal's {@link ExportOutcomes} (which also reports failures in the application's log, at most once per
 * interval), an export is refused while the signal is switched off, and flush and shutdown pass through.
 *
 * @param <T> what the exporter exports
 */
public abstract class CountingExporter<T> {

    private final Object delegate;

    private final Function<Collection<T>, CompletableResultCode> export;

    private final Supplier<CompletableResultCode> flush;

    private final Supplier<CompletableResultCode> shutdown;

    private final ExportOutcomes outcomes;

    /**
     * @param delegate the wrapped exporter
     * @param export its export call
     * @param flush its flush call
     * @param shutdown its shutdown call
     * @param outcomes where the results are counted
     */
    protected CountingExporter(Object delegate, Function<Collection<T>, CompletableResultCode> export,
            Supplier<CompletableResultCode> flush, Supplier<CompletableResultCode> shutdown, ExportOutcomes outcomes) {
        this.delegate = delegate;
        this.export = export;
        this.flush = flush;
        this.shutdown = shutdown;
        this.outcomes = outcomes;
        outcomes.exporterAdded();
    }

    /**
     * @param items what to export
     * @return the wrapped exporter's result, counted in the outcomes; success for an export refused while the signal
     * is switched off (the SDK has nothing to report about it)
     */
    public CompletableResultCode export(Collection<T> items) {
        int count = items.size();
        if (this.outcomes.refuses(count)) {
            return CompletableResultCode.ofSuccess();
        }
        CompletableResultCode result;
        try {
            result = this.export.apply(items);
        }
        catch (RuntimeException ex) {
            this.outcomes.failed(count, ex);
            return CompletableResultCode.ofExceptionalFailure(ex);
        }
        result.whenComplete(() -> {
            if (result.isSuccess()) {
                this.outcomes.exported(count);
            }
            else {
                Throwable error = result.getFailureThrowable();
                this.outcomes.failed(count, (error != null) ? error
                        : new IllegalStateException(this.delegate.getClass().getSimpleName() + " reported a failure"));
            }
        });
        return result;
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
