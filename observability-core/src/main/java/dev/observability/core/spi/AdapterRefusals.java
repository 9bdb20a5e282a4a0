package dev.observability.core.spi;

/**
 * Implemented by an adapter that refuses some recordings on rules of its own (a cardinality guard), so its refusals
 * are counted with the manager's: the manager hands it its {@link Refusals} when the adapter is registered.
 */
public interface AdapterRefusals {

    /**
     * Called once when the adapter is registered with a manager.
     * @param refusals the manager's count of refusals, to {@link Refusals#refuse} into
     */
    void countRefusalsIn(Refusals refusals);
}
