package dev.observability.core.spi;

/**
 * What an adapter's backend did with what the adapter handed on, for an adapter that exports out of its lane's sight
 * (an SDK that batches and exports on its own threads): the lane's account ends where the adapter's call returns, so
 * a loss after that (a failed export, an item dropped by the exporter's full queue) shows only here. An adapter
 * reports it with its health ({@link AdapterHealth#withExports}); the shutdown summary and the {@code observability}
 * endpoint show it next to the lane's account.
 *
 * @param items what is counted, in the plural ({@code spans}, {@code records}, {@code publishes})
 * @param exported items the backend accepted
 * @param failed items in exports that failed
 * @param refused items not sent because the adapter was switched off
 * @param droppedOrQueued items that reached no export: dropped by the exporter's full queue, or still waiting in it
 */
public record ExportCounts(String items, long exported, long failed, long refused, long droppedOrQueued) {
}
