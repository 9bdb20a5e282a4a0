package dev.observability.core;

import java.util.List;

import dev.observability.core.internal.dispatch.AdapterLane;
import dev.observability.core.spi.SignalCounts;

/**
 * The one line the manager logs when it stops: per adapter, what was delivered and what was lost.
 */
final class ShutdownSummary {

    private ShutdownSummary() {
    }

    static String of(List<AdapterLane> lanes) {
        StringBuilder line = new StringBuilder("Observability stopped:");
        if (lanes.isEmpty()) {
            line.append(" no adapters");
        }
        for (AdapterLane lane : lanes) {
            SignalCounts total = lane.snapshot().total();
            line.append(' ').append(lane.name()).append("[delivered=").append(total.delivered())
                .append(" failed=").append(total.failed())
                .append(" dropped=").append(total.dropped())
                .append(" rejected=").append(total.rejected())
                .append(" pending=").append(total.pending()).append(']');
        }
        return line.toString();
    }
}
