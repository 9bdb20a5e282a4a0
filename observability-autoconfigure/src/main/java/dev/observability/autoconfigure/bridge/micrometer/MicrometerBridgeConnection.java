package dev.observability.autoconfigure.bridge.micrometer;

import java.util.function.Predicate;

import dev.observability.core.bridge.MetricsFeed;
import dev.observability.core.spi.Labels;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tag;
import org.jspecify.annotations.Nullable;

/**
 * The bridge's link to the manager: empty until the application context has made the manager, then the feed into
 * the metrics adapters that do not read Micrometer natively.
 */
final class MicrometerBridgeConnection {

    /** The prefix of the meters Resilience4j's Micrometer module records for each circuit breaker. */
    private static final String BREAKER_METERS = "resilience4j.circuitbreaker.";

    private volatile @Nullable MetricsFeed feed;

    private volatile Predicate<String> isAdapter = (name) -> false;

    /**
     * @param feed the metrics adapters to hand meters to
     * @param isAdapter whether a name is an adapter's, and so the name of its lane's circuit breaker
     */
    void connect(MetricsFeed feed, Predicate<String> isAdapter) {
        this.isAdapter = isAdapter;
        this.feed = feed;
    }

    /**
     * Whether a meter is one of the lanes' own circuit breaker meters ({@code resilience4j.circuitbreaker.*} tagged
     * with an adapter's name), which Resilience4j records while a lane delivers an event. The starter does not bring
     * them: they exist when the application has Resilience4j's Spring Boot module, whose registry the lanes' breakers
     * then join and whose Micrometer binding meters every breaker in it. Handing those to the adapters would make
     * every delivery record a new event: an endless loop.
     * @param name the meter's name
     * @param labels its tags
     * @return whether the bridge must leave it alone
     */
    boolean isLaneBreakerMeter(String name, Labels labels) {
        String breaker = labels.get("name");
        return name.startsWith(BREAKER_METERS) && breaker != null && this.isAdapter.test(breaker);
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
