package dev.observability.autoconfigure.bridge.observation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import dev.observability.autoconfigure.SteppingClock;
import dev.observability.autoconfigure.adapter.ObservationNative;
import dev.observability.autoconfigure.bridge.BridgeRecordingAdapter;
import dev.observability.core.ObservabilityManager;
import dev.observability.core.adapters.NoopMetricsAdapter;
import dev.observability.core.spi.AdapterSpan;
import dev.observability.core.spi.Fields;
import dev.observability.core.spi.Signal;
import dev.observability.core.spi.SpanStart;
import dev.observability.core.spi.TracingAdapter;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.ObjectProvider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class ObservationBridgeHandlerTests {

    @Test
    void looksTheManagerUpUntilItExistsThenKeepsIt() {
        BridgeRecordingAdapter custom = new BridgeRecordingAdapter("custom");
        try (ObservabilityManager manager = ObservabilityManager.builder().adapter(custom).build()) {
            LookUps lookUps = new LookUps();
            ObservationRegistry registry = ObservationRegistry.create();
            registry.observationConfig().observationHandler(new ObservationBridgeHandler(lookUps, Clock.systemUTC()));
            Observation.createNotStarted("before", registry).start().stop();
            assertThat(lookUps.count.get()).as("looked up once per Observation while there is no manager").isEqualTo(1);
            lookUps.manager = manager;
            for (int i = 0; i < 10; i++) {
                Observation.createNotStarted("after", registry).start().stop();
            }
            assertThat(lookUps.count.get()).as("looked up once more, then kept").isEqualTo(2);
            assertThat(custom.spansNamed("after")).hasSize(10);
        }
    }

    @Test
    void takesPartInObservationsOnlyWhileAnAdapterWouldReceiveTheirSpans() {
        Observation.Context context = new Observation.Context();
        try (ObservabilityManager metricsOnly = ObservabilityManager.builder()
            .adapter(new NoopMetricsAdapter("metrics"))
            .build();
                ObservabilityManager nativeTracingOnly = ObservabilityManager.builder()
                    .adapter(new NativeTracingAdapter())
                    .build();
                ObservabilityManager tracingOff = ObservabilityManager.builder()
                    .adapter(new BridgeRecordingAdapter("custom"))
                    .signalEnabled(Signal.TRACING, false)
                    .build();
                ObservabilityManager custom = ObservabilityManager.builder()
                    .adapter(new BridgeRecordingAdapter("custom"))
                    .build()) {
            assertThat(handlerOf(metricsOnly).supportsContext(context)).as("no tracing adapter").isFalse();
            assertThat(handlerOf(nativeTracingOnly).supportsContext(context)).as("only a native one").isFalse();
            assertThat(handlerOf(tracingOff).supportsContext(context)).as("tracing switched off").isFalse();
            assertThat(handlerOf(custom).supportsContext(context)).as("a custom tracing adapter").isTrue();
        }
    }

    @Test
    void anObservationMadeWhileNoAdapterWouldReceiveItCarriesNothingOfTheBridge() throws ClassNotFoundException {
        Class<?> recording = Class.forName(ObservationBridgeHandler.class.getName() + "$Recording");
        try (ObservabilityManager metricsOnly = ObservabilityManager.builder()
            .adapter(new NoopMetricsAdapter("metrics"))
            .build();
                ObservabilityManager custom = ObservabilityManager.builder()
                    .adapter(new BridgeRecordingAdapter("custom"))
                    .build()) {
            assertThat(observedWith(metricsOnly).containsKey(recording)).as("left alone").isFalse();
            assertThat(observedWith(custom).containsKey(recording)).as("recorded by the bridge").isTrue();
        }
    }

    @Test
    void anObservationStoppedTwiceIsBridgedForEachStopWithThatStopsEventsErrorAndEnd() {
        ReplayingAdapter replaying = new ReplayingAdapter();
        try (ObservabilityManager manager = ObservabilityManager.builder().adapter(replaying).build()) {
            manager.start();
            LookUps lookUps = new LookUps();
            lookUps.manager = manager;
            ObservationRegistry registry = ObservationRegistry.create();
            SteppingClock clock = new SteppingClock(Instant.EPOCH, TimeUnit.SECONDS.toNanos(1));
            registry.observationConfig().observationHandler(new ObservationBridgeHandler(lookUps, clock));
            Observation observation = Observation.createNotStarted("orders", registry).start();
            observation.stop();
            observation.event(Observation.Event.of("retried"));
            observation.error(new IllegalStateException("db down"));
            observation.stop();
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(replaying.replays)
                .containsExactlyInAnyOrder("end 1970-01-01T00:00:01Z",
                        "event retried, exception db down, end 1970-01-01T00:00:02Z"));
        }
    }

    private static Observation.ContextView observedWith(ObservabilityManager manager) {
        ObservationRegistry registry = ObservationRegistry.create();
        registry.observationConfig().observationHandler(handlerOf(manager));
        Observation observation = Observation.createNotStarted("orders", registry).start();
        observation.stop();
        return observation.getContextView();
    }

    private static ObservationBridgeHandler handlerOf(ObservabilityManager manager) {
        LookUps lookUps = new LookUps();
        lookUps.manager = manager;
        return new ObservationBridgeHandler(lookUps, Clock.systemUTC());
    }

    /** A tracing adapter whose backend receives Observations by itself. */
    private static final class NativeTracingAdapter implements TracingAdapter, ObservationNative {

        @Override
        public String name() {
            return "native";
        }

        @Override
        public AdapterSpan startSpan(SpanStart start) {
            throw new AssertionError("a native adapter is not handed bridged spans");
        }
    }

    /** A tracing adapter on its default ASYNC lane that writes down what is replayed on each span it starts. */
    private static final class ReplayingAdapter implements TracingAdapter {

        final List<String> replays = new CopyOnWriteArrayList<>();

        @Override
        public String name() {
            return "replaying";
        }

        @Override
        public AdapterSpan startSpan(SpanStart start) {
            List<String> calls = new ArrayList<>();
            return new AdapterSpan() {

                @Override
                public void addEvent(String name, Fields attributes, Instant time) {
                    calls.add("event " + name);
                }

                @Override
                public void recordException(Throwable error, Instant time) {
                    calls.add("exception " + error.getMessage());
                }

                @Override
                public void end(Instant endTime) {
                    calls.add("end " + endTime);
                    ReplayingAdapter.this.replays.add(String.join(", ", calls));
                }
            };
        }
    }

    /** A provider that counts its look-ups (Spring's resolves the dependency again on each). */
    private static final class LookUps implements ObjectProvider<ObservabilityManager> {

        final AtomicInteger count = new AtomicInteger();

        volatile ObservabilityManager manager;

        @Override
        public ObservabilityManager getIfAvailable() {
            this.count.incrementAndGet();
            return this.manager;
        }
    }
}
