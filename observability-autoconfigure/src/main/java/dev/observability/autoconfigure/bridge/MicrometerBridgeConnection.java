package dev.observability.autoconfigure.bridge;

import dev.observability.core.MetricsFeed;
import dev.observability.core.metrics.Labels;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tag;
import org.jspecify.annotations.Nullable;

/**
 * The bridge's link to the manager: empty until the application context has made the manager, then the feed into
 * the metrics adapters that do not read Micrometer natively.
 */
final class MicrometerBridgeConnection {

    private volatile @Nullable MetricsFeed feed;

    void connect(MetricsFeed feed) {
        this.feed = feed;
    }

    @Nullable MetricsFeed feed() {
        return this.feed;
    }

    /**
     * @param id a meter's identity
     * @param factory makes the handle of the right kind from the feed
     * @param <H> the handle type
     * @return a handle resolved on first use after the bridge is connected
     */
    <H> MicrometerBridgeHandle<H> handle(Meter.Id id, MicrometerBridgeHandle.Factory<H> factory) {
        return new MicrometerBridgeHandle<>(this, id.getName(), labelsOf(id), factory);
    }

    /**
     * @param id a meter's identity
     * @return its tags as labels (invalid labels are refused and counted by the handles)
     */
    static Labels labelsOf(Meter.Id id) {
        String[] keysAndValues = new String[id.getTags().size() * 2];
        int i = 0;
        for (Tag tag : id.getTagsAsIterable()) {
            keysAndValues[i++] = tag.getKey();
            keysAndValues[i++] = tag.getValue();
        }
        return Labels.of(keysAndValues);
    }
}
