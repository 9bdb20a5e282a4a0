package dev.observability.autoconfigure.bridge.logback;

import java.time.Duration;
import java.util.Iterator;
import java.util.concurrent.TimeUnit;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.read.ListAppender;
import ch.qos.logback.core.spi.FilterReply;
import dev.observability.autoconfigure.ObservabilityAutoConfiguration;
import dev.observability.autoconfigure.bridge.BridgeRecordingAdapter;
import dev.observability.core.ObservabilityManager;
import dev.observability.core.spi.Fields;
import dev.observability.core.spi.LogEvent;
import dev.observability.core.spi.SpanContext;
import dev.observability.core.tracing.Span;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class LogbackBridgeAutoConfigurationTests {

    private static final Logger APP = LoggerFactory.getLogger("com.example.Orders");

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(ObservabilityAutoConfiguration.class,
                LogbackBridgeAutoConfiguration.class))
        .withBean("custom", BridgeRecordingAdapter.class, () -> new BridgeRecordingAdapter("custom"));

    @Test
    void eachApplicationEventReachesTheLoggingAdaptersOnceWithItsSpanFieldsAndError() {
        this.runner.run((context) -> {
            BridgeRecordingAdapter custom = context.getBean(BridgeRecordingAdapter.class);
            ObservabilityManager manager = context.getBean(ObservabilityManager.class);
            IllegalStateException error = new IllegalStateException("db down");
            Span span = manager.startSpan("checkout");
            MDC.put("tenant", "acme");
            try {
                APP.atWarn().addKeyValue("order", 42).setCause(error).log("order {} failed", 42);
            }
            finally {
                MDC.remove("tenant");
                span.close();
            }
            assertThat(custom.logs()).hasSize(1);
            LogEvent event = custom.logs().get(0);
            assertThat(event.message()).isEqualTo("order 42 failed");
            assertThat(event.logger()).isEqualTo("com.example.Orders");
            assertThat(event.level()).isEqualTo(dev.observability.core.spi.LogLevel.WARN);
            assertThat(event.fields().get("tenant")).isEqualTo("acme");
            assertThat(event.fields().get("order")).isEqualTo(42L);
            assertThat(event.error()).isSameAs(error);
            assertThat(event.span()).isEqualTo(span.context());
        });
    }

    @Test
    void anAsyncAdapterGetsTheLoggingThreadsNameMdcAndSpanThoughItsWorkerReadsTheEventLater() {
        this.runner.withPropertyValues("observability.adapters.custom.dispatch.mode=async").run((context) -> {
            BridgeRecordingAdapter custom = context.getBean(BridgeRecordingAdapter.class);
            ObservabilityManager manager = context.getBean(ObservabilityManager.class);
            // a logger whose only appender is the bridge: no console reads the event before the bridge does
            LoggerContext logback = (LoggerContext) LoggerFactory.getILoggerFactory();
            ch.qos.logback.classic.Logger alone = logback.getLogger("com.example.BridgeOnly");
            Appender<ILoggingEvent> bridge = logback.getLogger(Logger.ROOT_LOGGER_NAME)
                .getAppender(LogbackBridgeAppender.NAME);
            alone.setAdditive(false);
            alone.addAppender(bridge);
            SpanContext[] logged = new SpanContext[1];
            Thread thread = new Thread(() -> {
                try (Span span = manager.startSpan("checkout")) {
                    logged[0] = span.context();
                    MDC.put("tenant", "acme");
                    alone.atInfo().addKeyValue("order", 42).log("order {} placed", 42);
                }
                finally {
                    MDC.clear();
                }
                Thread.currentThread().setName("renamed after logging");
            }, "order-worker");
            try {
                thread.start();
                thread.join(TimeUnit.SECONDS.toMillis(10));
                assertThat(thread.isAlive()).as("the logging thread still running after 10 s").isFalse();
            }
            finally {
                alone.detachAppender(bridge);
                alone.setAdditive(true);
            }
            await().atMost(Duration.ofSeconds(10)).until(() -> custom.logs().size() == 1);
            LogEvent event = custom.logs().get(0);
            assertThat(event.thread()).isEqualTo("order-worker");
            assertThat(event.message()).isEqualTo("order 42 placed");
            assertThat(event.fields().get("tenant")).isEqualTo("acme");
            assertThat(event.fields().get("order")).isEqualTo(42L);
            assertThat(event.span()).isEqualTo(logged[0]);
        });
    }

    @Test
    void theLibrarysOwnLinesAreHandedOverAndEventsBelowTheMinimumLevelAreNot() {
        this.runner.run((context) -> {
            LoggerFactory.getLogger("dev.observability.autoconfigure.Something").warn("own");
            APP.debug("below the minimum level");
            assertThat(context.getBean(BridgeRecordingAdapter.class).logs()).extracting(LogEvent::message)
                .containsExactly("own");
        });
    }

    @Test
    void theManagersLogCallsGoThroughLogbackAndReachEachAdapterOnce() {
        ListAppender<ILoggingEvent> logback = new ListAppender<>();
        logback.start();
        ch.qos.logback.classic.Logger orders = (ch.qos.logback.classic.Logger) LoggerFactory.getLogger("orders");
        orders.addAppender(logback);
        try {
            this.runner.run((context) -> {
                context.getBean(ObservabilityManager.class)
                    .log(dev.observability.core.spi.LogLevel.INFO, "orders", "placed", Fields.of("id", 7L), null);
                assertThat(logback.list).singleElement().satisfies((event) -> {
                    assertThat(event.getFormattedMessage()).isEqualTo("placed");
                    assertThat(event.getKeyValuePairs()).singleElement()
                        .satisfies((pair) -> assertThat(pair.key + "=" + pair.value).isEqualTo("id=7"));
                });
                assertThat(context.getBean(BridgeRecordingAdapter.class).logs()).singleElement()
                    .satisfies((event) -> {
                        assertThat(event.message()).isEqualTo("placed");
                        assertThat(event.fields().get("id")).isEqualTo(7L);
                    });
            });
        }
        finally {
            orders.detachAppender(logback);
        }
    }

    @Test
    void withTheBridgeOffTheManagersLogCallsGoStraightToTheAdapters() {
        this.runner.withPropertyValues("observability.logging.logback-bridge.enabled=false").run((context) -> {
            context.getBean(ObservabilityManager.class).log(dev.observability.core.spi.LogLevel.INFO, "direct");
            assertThat(context.getBean(BridgeRecordingAdapter.class).logs()).extracting(LogEvent::message)
                .containsExactly("direct");
        });
    }

    @Test
    void anAdapterThatLogsWhileCalledFeedsTheOthersOnceAndNeverItself() {
        this.runner.withBean("chatty", ChattyAdapter.class, ChattyAdapter::new).run((context) -> {
            APP.info("once");
            assertThat(context.getBean(BridgeRecordingAdapter.class).logs()).extracting(LogEvent::message)
                .containsExactlyInAnyOrder("once", "I was called with once");
            assertThat(context.getBean(ChattyAdapter.class).calls).as("its own line is refused by its lane")
                .isEqualTo(1);
        });
    }

    @Test
    void isDetachedWhenTheContextCloses() {
        BridgeRecordingAdapter[] custom = new BridgeRecordingAdapter[1];
        this.runner.run((context) -> custom[0] = context.getBean(BridgeRecordingAdapter.class));
        APP.info("after close");
        assertThat(custom[0].logs()).isEmpty();
        assertThat(rootLogger().getAppender(LogbackBridgeAppender.NAME)).isNull();
    }

    @Test
    void bootsConsoleKeepsEveryEventWithNoFilterInFrontOfIt() {
        this.runner.run((context) -> {
            ConsoleAppender<ILoggingEvent> console = stdoutConsole();
            assertThat(console.getCopyOfAttachedFiltersList()).as("Boot's own threshold filter only")
                .noneMatch((filter) -> filter.getClass().getName().startsWith("dev.observability"));
            assertThat(console.getFilterChainDecision(event("com.example.Orders", Level.INFO)))
                .isEqualTo(FilterReply.NEUTRAL);
        });
    }

    @Test
    void isOffWhenDisabledByProperty() {
        this.runner.withPropertyValues("observability.logging.logback-bridge.enabled=false").run((context) -> {
            assertThat(context).doesNotHaveBean(LogbackBridgeLifecycle.class);
            APP.info("not bridged");
            assertThat(context.getBean(BridgeRecordingAdapter.class).logs()).isEmpty();
        });
    }

    @Test
    void isOffWhenLoggingIsSwitchedOffByProperty() {
        this.runner.withPropertyValues("observability.logging.enabled=false")
            .run((context) -> assertThat(context).hasSingleBean(ObservabilityManager.class)
                .doesNotHaveBean(LogbackBridgeLifecycle.class));
    }

    @Test
    void backsOffWithoutLogback() {
        this.runner.withClassLoader(new FilteredClassLoader(LoggerContext.class))
            .run((context) -> assertThat(context).doesNotHaveBean(LogbackBridgeLifecycle.class));
    }

    private static ch.qos.logback.classic.Logger rootLogger() {
        return ((LoggerContext) LoggerFactory.getILoggerFactory()).getLogger(Logger.ROOT_LOGGER_NAME);
    }

    @SuppressWarnings("unchecked")
    private static ConsoleAppender<ILoggingEvent> stdoutConsole() {
        for (Iterator<Appender<ILoggingEvent>> it = rootLogger().iteratorForAppenders(); it.hasNext();) {
            if (it.next() instanceof ConsoleAppender<?> console && "System.out".equals(console.getTarget())) {
                return (ConsoleAppender<ILoggingEvent>) console;
            }
        }
        throw new AssertionError("no console appender on the root logger");
    }

    private static LoggingEvent event(String logger, Level level) {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        return new LoggingEvent(Logger.class.getName(), context.getLogger(logger), level, "message", null, null);
    }

    /**
     * A logging adapter that logs through SLF4J while it is called (INLINE): no lane receives that line (each counts
     * it as rejected_reentrant), so nothing loops.
     */
    static final class ChattyAdapter implements dev.observability.core.spi.LoggingAdapter {

        int calls;

        @Override
        public String name() {
            return "chatty";
        }

        @Override
        public dev.observability.core.spi.DispatchMode preferredDispatch() {
            return dev.observability.core.spi.DispatchMode.INLINE;
        }

        @Override
        public void log(LogEvent event) {
            this.calls++;
            LoggerFactory.getLogger("com.example.Chatty").info("I was called with {}", event.message());
        }
    }
}
