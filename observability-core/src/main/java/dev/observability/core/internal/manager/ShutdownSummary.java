package dev.observability.core.internal.manager;

import java.util.List;

import dev.observability.core.internal.dispatch.AdapterLane;
import dev.observability.core.spi.AdapterSnapshot;
import dev.observability.core.spi.ExportCounts;
import dev.observability.core.spi.SignalCounts;

/**
 * The one line the manager logs when it stops: per adapter, what was delivered and what was lost, by the lane and,
 * for an adapter that reports export figures ({@link ExportCounts}), by its backend after that:
 * {@code opentelemetry-traces[delivered=9 failed=0 dropped=0 rejected=0 pending=0; spans exported=5 failed=3
 * refused=0 droppedOrQueued=1]}.
 */
public final class ShutdownSummary {

    private ShutdownSummary() {
    }

    /**
     * @param lanes the stopped lanes
     * @return the summary line of what each lane delivered and lost
     */
    public static String of(List<AdapterLane> lanes) {
        StringBuilder line = new StringBuilder("Observability stopped:");
        if (lanes.isEmpty()) {
            line.append(" no adapters");
        }
        for (AdapterLane lane : lanes) {
            AdapterSnapshot snapshot = lane.snapshot();
            SignalCounts total = snapshot.total();
            line.append(' ').append(lane.name()).append("[delivered=").append(total.delivered())
                .append(" failed=").append(total.failed())
                .append(" dropped=").append(total.dropped())
                .append(" rejected=").append(total.rejected())
                .append(" pending=").append(total.pending());
            ExportCounts exports = snapshot.exports();
            if (exports != null) {
                line.append("; ").append(exports.items()).append(" exported=").append(exports.exported())
                    .append(" failed=").append(exports.failed())
                    .append(" refused=").append(exports.refused())
                    .append(" droppedOrQueued=").append(exports.droppedOrQueued());
            }
            line.append(']');
        }
        return line.toString();
    }
}
