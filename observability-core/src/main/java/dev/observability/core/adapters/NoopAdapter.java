package dev.observability.core.adapters;

import dev.observability.core.spi.DispatchMode;
import dev.observability.core.spi.ObservabilityAdapter;

/**
 * What the no-op adapters share: a name, and calls made inline, since there is nothing to wait for.
 */
public abstract class NoopAdapter implements ObservabilityAdapter {

    private final String name;

    /** @param name the adapter's name */
    protected NoopAdapter(String name) {
        this.name = name;
    }

    @Override
    public String name() {
        return this.name;
    }

    @Override
    public DispatchMode preferredDispatch() {
        return DispatchMode.INLINE;
    }
}
