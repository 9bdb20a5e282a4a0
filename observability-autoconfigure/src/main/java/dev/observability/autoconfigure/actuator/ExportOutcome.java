package dev.observability.autoconfigure.actuator;

import java.util.Locale;
import java.util.function.ToLongFunction;

import dev.observability.core.dispatch.LaneView;
import dev.observability.core.spi.ExportCounts;

/**
 * The final outcomes of an adapter's export figures ({@link ExportCounts}), as the {@code outcome} tag of the
 * {@code observability.adapter.exports} counter. The items dropped or still queued are not among them: that figure
 * falls as a queue empties, so it is a gauge of its own.
 */
enum ExportOutcome {

    /** Items the backend accepted. */
    EXPORTED(ExportCounts::exported),

    /** Items in exports that failed. */
    FAILED(ExportCounts::failed),

    /** Items not sent because the adapter was switched off. */
    REFUSED(ExportCounts::refused);

    private final ToLongFunction<ExportCounts> figure;

    ExportOutcome(ToLongFunction<ExportCounts> figure) {
        this.figure = figure;
    }

    /** @return the tag value: the name in lower case */
    String tagValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * @param lane an adapter's lane
     * @return the items with this outcome as the adapter last reported them, or 0 when it reports no export figures
     */
    double count(LaneView lane) {
        ExportCounts exports = lane.exports();
        return (exports != null) ? this.figure.applyAsLong(exports) : 0;
    }
}
