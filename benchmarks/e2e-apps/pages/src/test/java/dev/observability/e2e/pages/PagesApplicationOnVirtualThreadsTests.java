package dev.observability.e2e.pages;

import org.junit.jupiter.api.condition.EnabledForJreRange;
import org.junit.jupiter.api.condition.JRE;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The pages application's tests again with {@code spring.threads.virtual.enabled=true}: Tomcat then runs each
 * request on a new virtual thread, and the page's queries (JPA on H2) run there too. Virtual threads need Java 21, so
 * it runs in the build on Java 25 and is skipped on the Java 17 baseline.
 */
@EnabledForJreRange(min = JRE.JAVA_21)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = { "server.address=127.0.0.1", "e2e.adapter=custom", "management.otlp.metrics.export.enabled=false",
                "spring.threads.virtual.enabled=true" })
class PagesApplicationOnVirtualThreadsTests extends PagesApplicationTests {
}
