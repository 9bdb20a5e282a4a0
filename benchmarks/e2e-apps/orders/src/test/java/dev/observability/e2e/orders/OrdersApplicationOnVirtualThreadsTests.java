package dev.observability.e2e.orders;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledForJreRange;
import org.junit.jupiter.api.condition.JRE;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.tomcat.autoconfigure.TomcatVirtualThreadsWebServerFactoryCustomizer;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The orders application's tests again with {@code spring.threads.virtual.enabled=true}: Tomcat then runs each
 * request on a new virtual thread. Virtual threads need Java 21, so it runs in the build on Java 25 and is skipped on
 * the Java 17 baseline.
 */
@EnabledForJreRange(min = JRE.JAVA_21)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = { "server.address=127.0.0.1", "e2e.adapter=custom", "management.otlp.metrics.export.enabled=false",
                "spring.threads.virtual.enabled=true" })
class OrdersApplicationOnVirtualThreadsTests extends OrdersApplicationTests {

    @Autowired
    private ApplicationContext context;

    @Test
    void tomcatRunsRequestsOnVirtualThreads() {
        assertThat(this.context.getBeansOfType(TomcatVirtualThreadsWebServerFactoryCustomizer.class)).hasSize(1);
    }
}
