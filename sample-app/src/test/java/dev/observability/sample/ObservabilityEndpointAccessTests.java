package dev.observability.sample;

import dev.observability.core.ObservabilityManager;
import dev.observability.sample.SampleClient.Answer;
import dev.observability.sample.audit.AuditAdapter;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample with the endpoint's write access taken back ({@code management.endpoint.observability.access=read_only},
 * the endpoint's default): the admin's writes are answered as Boot answers an operation the endpoint's access leaves
 * out, 405 Method Not Allowed, and change nothing; an anonymous write still meets Spring Security first (401); the
 * reads stay open. The sample itself grants the writes ({@link ObservabilityEndpointSecurityTests}).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = { "management.tracing.export.zipkin.enabled=false", "server.address=127.0.0.1",
                "management.endpoint.observability.access=read_only" })
class ObservabilityEndpointAccessTests {

    @LocalServerPort
    private int port;

    @Test
    void withoutWriteAccessTheAdminsWritesAre405AndChangeNothing(@Autowired ObservabilityManager manager,
            @Value("${sample.security.admin.username}") String admin,
            @Value("${sample.security.admin.password}") String password) throws Exception {
        for (String path : new String[] { "/actuator/observability/" + AuditAdapter.NAME, "/actuator/observability" }) {
            Answer answer = SampleClient.post(url(path), "{\"enabled\": false, \"metrics.enabled\": false}", admin,
                    password);
            assertThat(answer.status()).as(path).isEqualTo(405);
            assertThat(SampleClient.post(url(path), "{\"enabled\": false}").status()).as("anonymous").isEqualTo(401);
        }
        assertThat(manager.controls().adapter(AuditAdapter.NAME).orElseThrow().enabled()).isTrue();
        assertThat(manager.controls().lane(AuditAdapter.NAME).orElseThrow().settingsChanges()).isZero();
        assertThat(manager.controls().settingsChanges()).isZero();
        assertThat(SampleClient.get(url("/actuator/observability/" + AuditAdapter.NAME)).status()).isEqualTo(200);
    }

    private String url(String path) {
        return "http://127.0.0.1:" + this.port + path;
    }
}
