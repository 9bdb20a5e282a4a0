package dev.observability.test;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import dev.observability.core.ObservabilityManager;
import dev.observability.core.spi.AdapterHealth;
import dev.observability.core.spi.DispatchMode;
import dev.observability.core.spi.Labels;
import dev.observability.core.spi.MetricId;
import dev.observability.core.spi.MetricsAdapter;
import dev.observability.core.spi.ObservabilityAdapter;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectMethod;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.EventConditions.test;

/**
 * The kit fails an adapter that breaks one of its rules on that rule's test, and passes a well-behaved one on every
 * test. The kits are run by JUnit's own engine, as a user's test class would be.
 */
class AdapterCompatibilityKitTests {

    @Test
    void passesAWellBehavedAdapterOnEveryTest() {
        Events tests = run(WellBehaved.class);
        tests.assertStatistics((stats) -> stats.started(5).succeeded(5).failed(0));
    }

    @Test
    void failsAnAdapterThatThrowsOnSomeEventsOnTheDeliveryTest() {
        assertFailsOn(ThrowsOnEveryTenthEvent.class, "deliversEachEventOfEachDeclaredSignalOnce");
    }

    @Test
    void failsAnAdapterThatIsNotThreadSafeUnderItsInlineDispatchOnTheThreadSafetyTest() {
        assertFailsOn(RefusesConcurrentCallsInline.class, "isThreadSafeUnderItsDeclaredDispatch");
    }

    @Test
    void failsAnAdapterThatRecordsTelemetryFromInsideItsCallsOnTheReentryTest() {
        assertFailsOn(RecordsFromInside.class, "recordsNoTelemetryFromInsideItsCalls");
    }

    @Test
    void failsAnAdapterWhoseHealthThrowsOnTheHealthTest() {
        assertFailsOn(HealthThrows.class, "answersHealthQuicklyWithoutThrowing");
    }

    @Test
    void failsAnAdapterThatThrowsWhenClosedTwiceOnTheCloseTest() {
        assertFailsOn(ThrowsWhenClosedTwice.class, "closesMoreThanOnceWithoutThrowing");
    }

    private static Events run(Class<? extends AdapterCompatibilityKit> kit) {
        return EngineTestKit.engine("junit-jupiter").selectors(selectClass(kit)).execute().testEvents();
    }

    private static void assertFailsOn(Class<? extends AdapterCompatibilityKit> kit, String method) {
        Events tests = EngineTestKit.engine("junit-jupiter")
            .selectors(selectMethod(kit, method))
            .execute()
            .testEvents();
        tests.assertThatEvents().haveExactly(1, event(test(method), finishedWithFailure()));
    }

    /** Counts what it receives and nothing else. */
    static class CountingAdapter implements MetricsAdapter {

        final AtomicLong events = new AtomicLong();

        @Override
        public String name() {
            return "counting";
        }

        @Override
        public void counter(MetricId metric, double amount) {
            receive();
        }

        @Override
        public void gauge(MetricId metric, double value) {
            receive();
        }

        @Override
        public void histogram(MetricId metric, double value) {
            receive();
        }

        @Override
        public void timing(MetricId metric, Duration duration) {
            receive();
        }

        void receive() {
            this.events.incrementAndGet();
        }
    }

    static class WellBehaved extends AdapterCompatibilityKit {

        @Override
        protected ObservabilityAdapter createAdapter(ObservabilityManager manager) {
            return new CountingAdapter();
        }
    }

    static class ThrowsOnEveryTenthEvent extends AdapterCompatibilityKit {

        @Override
        protected ObservabilityAdapter createAdapter(ObservabilityManager manager) {
            return new CountingAdapter() {
                @Override
                void receive() {
                    if (this.events.incrementAndGet() % 10 == 0) {
                        throw new IllegalStateException("every tenth event fails");
                    }
                }
            };
        }
    }

    /** Throws when a second call enters while one is running; its first call waits (up to 5 s) for a second one. */
    static class RefusesConcurrentCallsInline extends AdapterCompatibilityKit {

        @Override
        protected ObservabilityAdapter createAdapter(ObservabilityManager manager) {
            AtomicInteger inCall = new AtomicInteger();
            AtomicInteger calls = new AtomicInteger();
            CountDownLatch secondCaller = new CountDownLatch(1);
            return new CountingAdapter() {
                @Override
                public DispatchMode preferredDispatch() {
                    return DispatchMode.INLINE;
                }

                @Override
                void receive() {
                    if (inCall.incrementAndGet() > 1) {
                        secondCaller.countDown();
                        inCall.decrementAndGet();
                        throw new IllegalStateException("called by two threads at once");
                    }
                    try {
                        if (calls.incrementAndGet() == 1) {
                            secondCaller.await(5, TimeUnit.SECONDS);
                        }
                    }
                    catch (InterruptedException ex) {
                        Thread.currentThread().interrupt();
                    }
                    finally {
                        inCall.decrementAndGet();
                    }
                }
            };
        }
    }

    static class RecordsFromInside extends AdapterCompatibilityKit {

        @Override
        protected ObservabilityAdapter createAdapter(ObservabilityManager manager) {
            return new CountingAdapter() {
                @Override
                void receive() {
                    super.receive();
                    manager.counter("adapter.own.events", Labels.empty());
                }
            };
        }
    }

    static class HealthThrows extends AdapterCompatibilityKit {

        @Override
        protected ObservabilityAdapter createAdapter(ObservabilityManager manager) {
            return new CountingAdapter() {
                @Override
                public AdapterHealth health() {
                    throw new IllegalStateException("health fails");
                }
            };
        }
    }

    static class ThrowsWhenClosedTwice extends AdapterCompatibilityKit {

        @Override
        protected ObservabilityAdapter createAdapter(ObservabilityManager manager) {
            AtomicInteger closes = new AtomicInteger();
            return new CountingAdapter() {
                @Override
                public void close() {
                    if (closes.incrementAndGet() > 1) {
                        throw new IllegalStateException("already closed");
                    }
                }
            };
        }
    }
}
