package dev.observability.autoconfigure.bridge.micrometer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.Clock;
import io.micrometer.core.instrument.LongTaskTimer;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MockClock;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.internal.DefaultLongTaskTimer;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bridge's long task timer: what its property tests do not reach (a task stopped twice, tasks on many threads at
 * once) and when the bridge uses it.
 */
class MicrometerBridgeLongTaskTimerTests {

    static final Meter.Id ID = new Meter.Id("http.server.requests.active", Tags.empty(), null, null,
            Meter.Type.LONG_TASK_TIMER);

    @Test
    void aTaskStoppedTwiceCountsOnceAndThenReadsAsStopped() {
        MockClock clock = new MockClock();
        LongTaskTimer timer = new MicrometerBridgeLongTaskTimer(ID, clock, TimeUnit.SECONDS, 1);
        LongTaskTimer.Sample first = timer.start();
        LongTaskTimer.Sample second = timer.start();
        clock.add(Duration.ofMillis(5));
        assertThat(first.stop()).isEqualTo(Duration.ofMillis(5).toNanos());
        assertThat(first.stop()).isEqualTo(-1);
        assertThat(first.duration(TimeUnit.NANOSECONDS)).isEqualTo(-1);
        assertThat(timer.activeTasks()).isEqualTo(1);
        assertThat(second.duration(TimeUnit.MILLISECONDS)).isEqualTo(5);
        assertThat(timer.duration(TimeUnit.MILLISECONDS)).isEqualTo(5);
    }

    @Test
    void tasksStartedAndStoppedOnManyThreadsAtOnceLeaveNoneActive() throws Exception {
        LongTaskTimer timer = new MicrometerBridgeLongTaskTimer(ID, Clock.SYSTEM, TimeUnit.SECONDS, 2);
        int threads = 4;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch ready = new CountDownLatch(threads);
        try {
            List<Future<Integer>> mostActiveSeen = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                mostActiveSeen.add(pool.submit(() -> {
                    ready.countDown();
                    ready.await();
                    int most = 0;
                    for (int task = 0; task < 20_000; task++) {
                        LongTaskTimer.Sample sample = timer.start();
                        most = Math.max(most, timer.activeTasks());
                        assertThat(sample.stop()).isNotNegative();
                    }
                    return most;
                }));
            }
            for (Future<Integer> seen : mostActiveSeen) {
                assertThat(seen.get(1, TimeUnit.MINUTES)).isBetween(1, threads);
            }
        }
        finally {
            pool.shutdownNow();
        }
        assertThat(timer.activeTasks()).isZero();
        assertThat(timer.duration(TimeUnit.NANOSECONDS)).isZero();
        assertThat(timer.max(TimeUnit.NANOSECONDS)).isZero();
    }

    @Test
    void theBridgeKeepsMicrometersOwnTimerWhereAHistogramOrPercentilesAreAskedFor() {
        MicrometerBridgeRegistry registry = new MicrometerBridgeRegistry(new MockClock(), Duration.ofMinutes(1));
        try {
            assertThat(LongTaskTimer.builder("plain").register(registry))
                .isInstanceOf(MicrometerBridgeLongTaskTimer.class);
            assertThat(LongTaskTimer.builder("percentiles").publishPercentiles(0.99).register(registry))
                .isInstanceOf(DefaultLongTaskTimer.class);
            assertThat(LongTaskTimer.builder("histogram").publishPercentileHistogram().register(registry))
                .isInstanceOf(DefaultLongTaskTimer.class);
            assertThat(LongTaskTimer.builder("slo").serviceLevelObjectives(Duration.ofSeconds(1)).register(registry))
                .isInstanceOf(DefaultLongTaskTimer.class);
        }
        finally {
            registry.close();
        }
    }
}
