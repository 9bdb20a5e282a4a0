package dev.observability.core;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.observability.core.dispatch.LaneView;
import dev.observability.core.spi.DispatchMode;
import dev.observability.core.spi.LogLevel;
import dev.observability.core.testing.TestAdapter;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RegistrationListenerTests {

    @Test
    void passesTheAdaptersRegisteredSoFarThenEachLaterOneOnce() {
        try (ObservabilityManager manager = ObservabilityManager.builder()
            .adapter(new TestAdapter("early", DispatchMode.INLINE))
            .build()) {
            manager.start();
            List<String> seen = new CopyOnWriteArrayList<>();
            manager.controls().onAdapterRegistered((lane) -> seen.add(lane.name()));
            assertThat(seen).containsExactly("early");
            manager.register(new TestAdapter("late", DispatchMode.INLINE));
            assertThat(seen).containsExactly("early", "late");
        }
    }

    @Test
    void passesTheLaneTheManagerDeliversThrough() {
        try (ObservabilityManager manager = ObservabilityManager.builder().build()) {
            manager.start();
            List<LaneView> seen = new CopyOnWriteArrayList<>();
            manager.controls().onAdapterRegistered(seen::add);
            manager.register(new TestAdapter("late", DispatchMode.INLINE));
            assertThat(seen).containsExactly(manager.controls().lane("late").orElseThrow());
        }
    }

    @Test
    void aFailingListenerDoesNotUndoTheRegistrationNorStopOtherListeners() {
        try (ObservabilityManager manager = ObservabilityManager.builder().build()) {
            manager.start();
            List<String> seen = new CopyOnWriteArrayList<>();
            manager.controls().onAdapterRegistered((lane) -> {
                throw new IllegalStateException("listener bug");
            });
            manager.controls().onAdapterRegistered((lane) -> seen.add(lane.name()));
            TestAdapter late = new TestAdapter("late", DispatchMode.INLINE);
            manager.register(late);
            manager.log(LogLevel.INFO, "reaches the late adapter");
            assertThat(seen).containsExactly("late");
            assertThat(late.events).contains("log reaches the late adapter");
        }
    }
}
