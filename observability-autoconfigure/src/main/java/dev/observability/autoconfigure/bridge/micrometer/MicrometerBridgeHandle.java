package dev.observability.autoconfigure.bridge.micrometer;

import dev.observability.core.bridge.MetricsFeed;
import dev.observability.core.spi.Labels;
import org.jspecify.annotations.Nullable;

/**
 * A manager handle for one bridged meter, resolved once, on the first event after the bridge is connected. Before
 * that there is no manager to hand events to, and {@link #get()} returns {@code null}; it does so for good for the
 * meters of the lanes' own circuit breakers (see {@link MicrometerBridgeConnection#isLaneBreakerMeter}).
 *
 * @param <H> the handle type
 */
final class MicrometerBridgeHandle<H> {

    private final MicrometerBridgeConnection connection;

    private final String name;

    private final Labels labels;

    private final Factory<H> factory;

    private volatile @Nullable H handle;

    MicrometerBridgeHandle(MicrometerBridgeConnection connection, String name, Labels labels, Factory<H> factory) {
        this.connection = connection;
        this.name = name;
        this.labels = labels;
        this.factory = factory;
    }

    @Nullable H get() {
        H resolved = this.handle;
        if (resolved == null) {
            MetricsFeed feed = this.connection.feed();
            if (feed == null || this.connection.isLaneBreakerMeter(this.name, this.labels)) {
                return null;
            }
            resolved = this.factory.make(feed, this.name, this.labels);
            this.handle = resolved;
        }
        return resolved;
    }

    /**
     * Makes a handle of one kind from the feed, such as {@code MetricsFeed::counterHandle}.
     *
     * @param <H> the handle type
     */
    @FunctionalInterface
    interface Factory<H> {

        H make(MetricsFeed feed, String name, Labels labels);
    }
}
