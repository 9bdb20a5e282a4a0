package dev.observability.autoconfigure.bridge.micrometer;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.DoubleSupplier;

import dev.observability.core.bridge.MetricsFeed;
import dev.observability.core.metrics.CounterHandle;
import dev.observability.core.metrics.GaugeHandle;
import dev.observability.core.spi.Labels;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.FunctionTimer;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.LongTaskTimer;
import io.micrometer.core.instrument.Measurement;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Statistic;
import io.micrometer.core.instrument.TimeGauge;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * Reads the meters that have no events of their own, on the bridge's interval, and hands their values to the
 * bridged adapters:
 * <ul>
 * <li>a gauge's value as a gauge ({@code TimeGauge}s in seconds); a gauge without a value (NaN) is skipped;</li>
 * <li>a function counter's growth since the last sample as a counter increment;</li>
 * <li>a function timer's growth as increments of the counters {@code <name>.count} and {@code <name>.sum} (seconds);</li>
 * <li>a long task timer as the gauges {@code <name>.active} (tasks running) and {@code <name>.duration} (seconds);</li>
 * <li>any other meter's measurements as gauges {@code <name>.<statistic>}, such as {@code cache.size.value}.</li>
 * </ul>
 * Counters, timers and distribution summaries are handed over event by event and are not sampled. The state kept
 * per meter (its handles and last readings) is dropped when the meter is removed from the registry.
 */
final class MicrometerBridgeSampler {

    private static final Log logger = LogFactory.getLog(MicrometerBridgeSampler.class);

    private static final Sample EVENT_DRIVEN = () -> {
    };

    private final Map<Meter.Id, Sample> samples = new ConcurrentHashMap<>();

    /**
     * Reads every meter once.
     * @param meters the registry's meters
     * @param feed where the values go
     */
    synchronized void sample(Iterable<Meter> meters, MetricsFeed feed) {
        for (Meter meter : meters) {
            try {
                this.samples.computeIfAbsent(meter.getId(), (id) -> sampleOf(meter, feed)).take();
            }
            catch (RuntimeException ex) {
                logger.debug("Cannot sample meter " + meter.getId() + " for the Micrometer bridge", ex);
            }
        }
    }

    /** @param meter a meter removed from the registry, whose state is dropped */
    void forget(Meter meter) {
        this.samples.remove(meter.getId());
    }

    private static Sample sampleOf(Meter meter, MetricsFeed feed) {
        String name = meter.getId().getName();
        Labels labels = MicrometerBridgeConnection.labelsOf(meter.getId());
        return meter.match((gauge) -> gaugeSample(gauge, feed.gaugeHandle(name, labels)),
                (counter) -> EVENT_DRIVEN, (timer) -> EVENT_DRIVEN, (summary) -> EVENT_DRIVEN,
                (longTaskTimer) -> longTaskTimerSample(longTaskTimer, feed.gaugeHandle(name + ".active", labels),
                        feed.gaugeHandle(name + ".duration", labels)),
                (timeGauge) -> timeGaugeSample(timeGauge, feed.gaugeHandle(name, labels)),
                (functionCounter) -> new GrowthSample(functionCounter::count, feed.counterHandle(name, labels)),
                (functionTimer) -> functionTimerSample(functionTimer, feed.counterHandle(name + ".count", labels),
                        feed.counterHandle(name + ".sum", labels)),
                (other) -> measurementsSample(other, feed, name, labels));
    }

    private static Sample gaugeSample(Gauge gauge, GaugeHandle handle) {
        return () -> setIfPresent(handle, gauge.value());
    }

    private static Sample timeGaugeSample(TimeGauge gauge, GaugeHandle handle) {
        return () -> setIfPresent(handle, gauge.value(TimeUnit.SECONDS));
    }

    private static Sample longTaskTimerSample(LongTaskTimer timer, GaugeHandle active, GaugeHandle duration) {
        return () -> {
            active.set(timer.activeTasks());
            duration.set(timer.duration(TimeUnit.SECONDS));
        };
    }

    private static Sample functionTimerSample(FunctionTimer timer, CounterHandle count, CounterHandle sum) {
        GrowthSample counts = new GrowthSample(timer::count, count);
        GrowthSample sums = new GrowthSample(() -> timer.totalTime(TimeUnit.SECONDS), sum);
        return () -> {
            counts.take();
            sums.take();
        };
    }

    private static Sample measurementsSample(Meter meter, MetricsFeed feed, String name, Labels labels) {
        Map<Statistic, GaugeHandle> handles = new EnumMap<>(Statistic.class);
        return () -> {
            for (Measurement measurement : meter.measure()) {
                Statistic statistic = measurement.getStatistic();
                GaugeHandle handle = handles.computeIfAbsent(statistic,
                        (key) -> feed.gaugeHandle(name + "." + key.getTagValueRepresentation(), labels));
                setIfPresent(handle, measurement.getValue());
            }
        };
    }

    private static void setIfPresent(GaugeHandle handle, double value) {
        if (!Double.isNaN(value)) {
            handle.set(value);
        }
    }

    /**
     * One meter's reading, taken on each interval.
     */
    @FunctionalInterface
    private interface Sample {

        void take();
    }

    /**
     * A monotonic reading handed over as its growth since the last sample. A reading that went down (the source
     * was reset) starts a new baseline and hands nothing over; a missing reading (NaN) is skipped.
     */
    private static final class GrowthSample implements Sample {

        private final DoubleSupplier reading;

        private final CounterHandle handle;

        private double last;

        GrowthSample(DoubleSupplier reading, CounterHandle handle) {
            this.reading = reading;
            this.handle = handle;
        }

        @Override
        public void take() {
            double now = this.reading.getAsDouble();
            if (Double.isNaN(now)) {
                return;
            }
            double growth = now - this.last;
            this.last = now;
            if (growth > 0) {
                this.handle.increment(growth);
            }
        }
    }
}
