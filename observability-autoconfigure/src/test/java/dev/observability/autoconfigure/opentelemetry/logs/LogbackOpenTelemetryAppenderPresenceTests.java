package dev.observability.autoconfigure.opentelemetry.logs;

import ch.qos.logback.classic.AsyncAppender;
import ch.qos.logback.classic.LoggerContext;
import io.opentelemetry.instrumentation.logback.appender.v1_0.OpenTelemetryAppender;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Finding OpenTelemetry's Logback appender wherever an application attaches it: on any logger, inside an
 * {@code AsyncAppender}; a stopped one does not count.
 */
class LogbackOpenTelemetryAppenderPresenceTests {

    private final LoggerContext logback = (LoggerContext) LoggerFactory.getILoggerFactory();

    @Test
    void findsItOnAnyLoggerAndInsideAnAsyncAppenderAndNotOnceStoppedOrDetached() {
        LogbackOpenTelemetryAppenderPresence presence = new LogbackOpenTelemetryAppenderPresence();
        assertThat(presence.attached()).isFalse();
        OpenTelemetryAppender openTelemetry = new OpenTelemetryAppender();
        openTelemetry.setContext(this.logback);
        openTelemetry.start();
        AsyncAppender async = new AsyncAppender();
        async.setContext(this.logback);
        async.addAppender(openTelemetry);
        async.start();
        ch.qos.logback.classic.Logger orders = this.logback.getLogger("com.example.orders");
        orders.addAppender(async);
        try {
            presence.recheck();
            assertThat(presence.attached()).isTrue();
            openTelemetry.stop();
            presence.recheck();
            assertThat(presence.attached()).isFalse();
            openTelemetry.start();
            orders.detachAppender(async);
            presence.recheck();
            assertThat(presence.attached()).isFalse();
        }
        finally {
            orders.detachAppender(async);
            async.stop();
            openTelemetry.stop();
        }
    }
}
