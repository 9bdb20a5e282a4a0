package dev.observability.sample;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

import dev.observability.core.ObservabilityManager;
import dev.observability.sample.audit.AuditAdapter;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample's {@code ObservabilitySecurityConfiguration} over real HTTP: switching an adapter with
 * {@code POST /actuator/observability/{name}} needs the role {@code OBSERVABILITY_ADMIN}; an anonymous call is
 * refused with 401, a user without the role with 403, and neither switches the adapter; the admin switches it; health
 * and the endpoint's read stay open to anonymous callers.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = { "management.tracing.export.zipkin.enabled=false", "server.address=127.0.0.1" })
class ObservabilityEndpointSecurityTests {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private static final String SWITCH_OFF = "{\"enabled\": false}";

    @LocalServerPort
    private int port;

    @Autowired
    private ObservabilityManager manager;

    @Value("${sample.security.admin.username}")
    private String adminName;

    @Value("${sample.security.admin.password}")
    private String adminPassword;

    @Value("${sample.security.viewer.username}")
    private String viewerName;

    @Value("${sample.security.viewer.password}")
    private String viewerPassword;

    @AfterEach
    void switchTheAuditAdapterBackOn() {
        this.manager.controls().resetEnabled(AuditAdapter.NAME);
    }

    @Test
    void refusesAnAnonymousSwitchWith401AndKeepsTheAdapterOn() throws Exception {
        assertThat(postSwitch(null).statusCode()).isEqualTo(401);
        assertThat(auditEnabled()).isTrue();
    }

    @Test
    void refusesAUserWithoutTheRoleWith403AndKeepsTheAdapterOn() throws Exception {
        assertThat(postSwitch(basic(this.viewerName, this.viewerPassword)).statusCode()).isEqualTo(403);
        assertThat(auditEnabled()).isTrue();
    }

    @Test
    void refusesTheAdminWithAWrongPasswordWith401() throws Exception {
        assertThat(postSwitch(basic(this.adminName, this.adminPassword + "-wrong")).statusCode()).isEqualTo(401);
        assertThat(auditEnabled()).isTrue();
    }

    @Test
    void letsTheAdminSwitchTheAdapterOffWith204() throws Exception {
        HttpResponse<String> answer = postSwitch(basic(this.adminName, this.adminPassword));
        assertThat(answer.statusCode()).isEqualTo(204);
        assertThat(auditEnabled()).isFalse();
    }

    @Test
    void refusesAUserWithoutTheRoleAChangeOfSettingsWith403AndChangesNothing() throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(url("/actuator/observability/" + AuditAdapter.NAME))
            .header("Content-Type", "application/json")
            .header("Authorization", basic(this.viewerName, this.viewerPassword))
            .POST(HttpRequest.BodyPublishers.ofString("{\"dispatch.queue-capacity\": 5}"));
        assertThat(send(request).statusCode()).isEqualTo(403);
        HttpRequest.Builder managerWide = HttpRequest.newBuilder(url("/actuator/observability"))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString("{\"metrics.enabled\": false}"));
        assertThat(send(managerWide).statusCode()).as("anonymous").isEqualTo(401);
        assertThat(this.manager.controls()
            .lane(AuditAdapter.NAME).orElseThrow().settings().queueCapacity()).isEqualTo(1024);
        assertThat(this.manager.controls().settings()).isEqualTo(this.manager.controls().configuredSettings());
    }

    @Test
    void keepsHealthAndTheEndpointsReadOpenToAnonymousCallers() throws Exception {
        assertThat(send(HttpRequest.newBuilder(url("/actuator/health")).GET()).statusCode()).isEqualTo(200);
        assertThat(send(HttpRequest.newBuilder(url("/actuator/observability")).GET()).statusCode()).isEqualTo(200);
        assertThat(send(HttpRequest.newBuilder(url("/actuator/observability/" + AuditAdapter.NAME)).GET())
            .statusCode()).isEqualTo(200);
    }

    private boolean auditEnabled() {
        return this.manager.controls().adapter(AuditAdapter.NAME).orElseThrow().enabled();
    }

    private HttpResponse<String> postSwitch(@Nullable String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(url("/actuator/observability/" + AuditAdapter.NAME))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(SWITCH_OFF));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return send(request);
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return HTTP.send(request.timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String basic(String name, String password) {
        return "Basic " + Base64.getEncoder()
            .encodeToString((name + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private URI url(String path) {
        return URI.create("http://127.0.0.1:" + this.port + path);
    }
}
