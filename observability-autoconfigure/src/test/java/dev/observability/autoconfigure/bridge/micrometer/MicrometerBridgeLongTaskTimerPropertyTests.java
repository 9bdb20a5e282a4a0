package dev.observability.autoconfigure.bridge.micrometer;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.Clock;
import io.micrometer.core.instrument.LongTaskTimer;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import io.micrometer.core.instrument.distribution.HistogramSnapshot;
import io.micrometer.core.instrument.internal.DefaultLongTaskTimer;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.lifecycle.AfterProperty;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Whatever tasks start and stop, on whichever threads, and however the clock moves, the bridge's long task timer
 * reads as Micrometer's own.
 */
class MicrometerBridgeLongTaskTimerPropertyTests {

    private static final Meter.Id ID = MicrometerBridgeLongTaskTimerTests.ID;

    private static final int THREADS = 4;

    private final ExecutorService[] threads = new ExecutorService[THREADS];

    MicrometerBridgeLongTaskTimerPropertyTests() {
        for (int i = 0; i < THREADS; i++) {
            this.threads[i] = Executors.newSingleThreadExecutor();
        }
    }

    @AfterProperty
    void stopThreads() {
        for (ExecutorService thread : this.threads) {
            thread.shutdownNow();
        }
    }

    /**
     * Each step starts a task (on one of four threads, so that tasks spread over the stripes), stops one of the
     * active tasks (on the test's thread, as an asynchronous request stops on another thread than it started) or moves
     * the clock on, on both timers; after every step they agree on every figure. The clock starts anywhere in half
     * the range of {@code long}, so the sums of start times wrap.
     */
    @Property(tries = 300)
    void agreesWithMicrometersOwnTimerAfterAnyStartsStopsAndClockMoves(
            @ForAll @LongRange(min = Long.MIN_VALUE / 2, max = Long.MAX_VALUE / 2) long origin,
            @ForAll @Size(max = 60) List<@IntRange(min = 0, max = 3_000_000) Integer> steps) throws Exception {
        SettableClock clock = new SettableClock(origin);
        LongTaskTimer light = new MicrometerBridgeLongTaskTimer(ID, clock, TimeUnit.SECONDS, 8);
        LongTaskTimer micrometers = new DefaultLongTaskTimer(ID, clock, TimeUnit.SECONDS,
                DistributionStatisticConfig.NONE, false);
        List<LongTaskTimer.Sample> lightTasks = new ArrayList<>();
        List<LongTaskTimer.Sample> micrometersTasks = new ArrayList<>();
        for (int step : steps) {
            switch (step % 3) {
                case 0 -> {
                    ExecutorService thread = this.threads[(step / 3) % THREADS];
                    lightTasks.add(thread.submit(light::start).get(1, TimeUnit.MINUTES));
                    micrometersTasks.add(micrometers.start());
                }
                case 1 -> {
                    if (!lightTasks.isEmpty()) {
                        int index = (step / 3) % lightTasks.size();
                        assertThat(lightTasks.remove(index).stop()).isEqualTo(micrometersTasks.remove(index).stop());
                    }
                }
                default -> clock.now += step / 3;
            }
            assertThat(light.activeTasks()).isEqualTo(micrometers.activeTasks());
            assertThat(light.duration(TimeUnit.NANOSECONDS)).isEqualTo(micrometers.duration(TimeUnit.NANOSECONDS));
            assertThat(light.max(TimeUnit.NANOSECONDS)).isEqualTo(micrometers.max(TimeUnit.NANOSECONDS));
            assertThat(light.mean(TimeUnit.MILLISECONDS)).isEqualTo(micrometers.mean(TimeUnit.MILLISECONDS));
            HistogramSnapshot lightSnapshot = light.takeSnapshot();
            HistogramSnapshot micrometersSnapshot = micrometers.takeSnapshot();
            assertThat(lightSnapshot.count()).isEqualTo(micrometersSnapshot.count());
            assertThat(lightSnapshot.total()).isEqualTo(micrometersSnapshot.total());
            assertThat(lightSnapshot.max()).isEqualTo(micrometersSnapshot.max());
        }
    }

    /** A clock whose monotonic time is set by the test, from any origin. */
    private static final class SettableClock implements Clock {

        long now;

        SettableClock(long origin) {
            this.now = origin;
        }

        @Override
        public long wallTime() {
            return TimeUnit.NANOSECONDS.toMillis(this.now);
        }

        @Override
        public long monotonicTime() {
            return this.now;
        }
    }
}
