package dev.observability.autoconfigure.bridge.logback;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.core.filter.Filter;
import ch.qos.logback.core.spi.FilterReply;
import dev.observability.autoconfigure.bridge.BridgeRecordingAdapter;
import dev.observability.core.ObservabilityManager;
import dev.observability.core.adapters.NoopMetricsAdapter;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import static org.assertj.core.api.Assertions.assertThat;

class LogbackBridgeAppenderTests {

    @Test
    void anEventIsReadiedForTheLanesOnlyWhileALoggingAdapterWouldReceiveIt() {
        try (ObservabilityManager metricsOnly = ObservabilityManager.builder()
            .adapter(new NoopMetricsAdapter("metrics"))
            .build();
                ObservabilityManager withLogs = ObservabilityManager.builder()
                    .adapter(new BridgeRecordingAdapter("custom"))
                    .build()) {
            assertThat(timesReadied(metricsOnly)).as("no logging adapter: the event is left as it is").isZero();
            assertThat(timesReadied(withLogs)).as("a logging adapter: read on the logging thread").isOne();
        }
    }

    @Test
    void anAttachedFilterThatDeniesKeepsTheEventFromTheLanesUntilTheFiltersAreCleared() {
        try (ObservabilityManager manager = ObservabilityManager.builder()
            .adapter(new BridgeRecordingAdapter("custom"))
            .build()) {
            LogbackBridgeAppender appender = new LogbackBridgeAppender(manager);
            appender.start();
            appender.addFilter(new Filter<>() {
                @Override
                public FilterReply decide(ILoggingEvent event) {
                    return FilterReply.DENY;
                }
            });
            assertThat(timesReadied(appender)).as("denied by the filter").isZero();
            appender.clearAllFilters();
            assertThat(timesReadied(appender)).as("no filter left").isOne();
        }
    }

    private static int timesReadied(ObservabilityManager manager) {
        LogbackBridgeAppender appender = new LogbackBridgeAppender(manager);
        appender.start();
        return timesReadied(appender);
    }

    private static int timesReadied(LogbackBridgeAppender appender) {
        ReadinessCountingEvent event = new ReadinessCountingEvent();
        appender.doAppend(event);
        return event.readied;
    }

    /** An event that counts how often it is readied for deferred processing (its thread name and MDC read). */
    private static final class ReadinessCountingEvent extends LoggingEvent {

        int readied;

        ReadinessCountingEvent() {
            super(ReadinessCountingEvent.class.getName(), ((LoggerContext) LoggerFactory.getILoggerFactory()).getLogger("app.Orders"), Level.INFO,
                    "order placed", null, null);
        }

        @Override
        public void prepareForDeferredProcessing() {
            this.readied++;
            super.prepareForDeferredProcessing();
        }
    }
}
