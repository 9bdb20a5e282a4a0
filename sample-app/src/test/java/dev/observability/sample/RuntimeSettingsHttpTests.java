package dev.observability.sample;

import dev.observability.core.ObservabilityControls;
import dev.observability.core.ObservabilityManager;
import dev.observability.core.dispatch.LaneSetting;
import dev.observability.core.dispatch.LaneSettings;
import dev.observability.core.settings.SettingsChange;
import dev.observability.sample.SampleClient.Answer;
import dev.observability.sample.audit.AuditAdapter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runtime settings over real HTTP in the sample, as an operator changes them: the {@code audit} adapter's breaker
 * threshold and queue capacity changed through {@code POST /actuator/observability/audit}, read back as effective next
 * to their configured values, and reset with {@code null}, nested as in the YAML or by flat names; a bad value, an
 * unknown key, a body that is not one JSON object, a body naming another adapter or a query answers 400 with one line
 * and changes nothing; the change is logged once with the admin's name and counted in the self-metrics.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = { "management.tracing.export.zipkin.enabled=false", "server.address=127.0.0.1" })
@ExtendWith(OutputCaptureExtension.class)
class RuntimeSettingsHttpTests {

    private static final String CHANGE = "{\"circuit-breaker.failure-rate-threshold\": 20, "
            + "\"dispatch.queue-capacity\": 20000}";

    private final ObservabilityControls controls;

    @LocalServerPort
    private int port;

    @Value("${sample.security.admin.username}")
    private String adminName;

    @Value("${sample.security.admin.password}")
    private String adminPassword;

    @Autowired
    RuntimeSettingsHttpTests(ObservabilityManager manager) {
        this.controls = manager.controls();
    }

    @AfterEach
    void resetTheAuditAdapter() {
        SettingsChange<LaneSettings> all = SettingsChange.none();
        for (LaneSetting<?> setting : LaneSetting.all()) {
            all = all.reset(setting);
        }
        this.controls.changeSettings(AuditAdapter.NAME, all);
    }

    @Test
    void changesTheThresholdAndQueueCapacityReadsThemBackAsEffectiveAndResetsThem(CapturedOutput output)
            throws Exception {
        Answer changed = post(CHANGE);
        assertThat(changed.status()).isEqualTo(204);
        JsonNode audit = audit();
        assertThat(setting(audit, "circuit-breaker.failure-rate-threshold", "configured").asDouble()).isEqualTo(50);
        assertThat(setting(audit, "circuit-breaker.failure-rate-threshold", "effective").asDouble()).isEqualTo(20);
        assertThat(setting(audit, "dispatch.queue-capacity", "configured").asInt()).isEqualTo(1024);
        assertThat(setting(audit, "dispatch.queue-capacity", "effective").asInt()).isEqualTo(20000);
        assertThat(audit.path("queueCapacity").asInt()).as("the lane's queue").isEqualTo(20000);
        assertThat(output.getOut()).contains("Observability settings of adapter 'audit' changed by " + this.adminName
                + ": circuit-breaker.failure-rate-threshold 50 -> 20, dispatch.queue-capacity 1024 -> 20000");
        assertThat(settingsChangesCounted()).as("observability.adapter.settings.changes{adapter=audit}")
            .isGreaterThanOrEqualTo(2);

        Answer reset = post("{\"circuit-breaker.failure-rate-threshold\": null, \"dispatch.queue-capacity\": null}");
        assertThat(reset.status()).isEqualTo(204);
        JsonNode back = audit();
        assertThat(setting(back, "circuit-breaker.failure-rate-threshold", "effective").asDouble()).isEqualTo(50);
        assertThat(setting(back, "dispatch.queue-capacity", "effective").asInt()).isEqualTo(1024);
        assertThat(back.path("queueCapacity").asInt()).isEqualTo(1024);
    }

    @Test
    void aBadValueOrAnUnknownKeyAnswers400WithOneLineAndChangesNothing() throws Exception {
        long changesBefore = this.controls.lane(AuditAdapter.NAME).orElseThrow().settingsChanges();
        JsonNode before = audit().path("settings");
        String[][] refusals = {
                { "{\"circuit-breaker.failure-rate-threshold\": 150, \"dispatch.queue-capacity\": 20000}",
                        "circuit-breaker.failure-rate-threshold must be a number from 1 to 100, not 150" },
                { "{\"dispatch.queue-capacity\": 0}",
                        "dispatch.queue-capacity must be a whole number from 1 to 1048576, not 0" },
                { "{\"queue-capacity\": 20000}", "unknown setting 'queue-capacity'" },
                { "[{\"dispatch.queue-capacity\": 20000}]", "the body must be a JSON object of settings" },
                { "null", "the body must be a JSON object of settings ({} returns every setting to its configured "
                        + "value); it is null" },
                { "{\"dispatch.queue-capacity\": 20000", "the body is not valid JSON at line 1, column " },
                { "{\"" + "k".repeat(40 * 1024) + "\": 1}", "unknown setting '" + "k".repeat(64) + "...' (" } };
        for (String[] refusal : refusals) {
            Answer answer = post(refusal[0]);
            assertThat(answer.status()).as(refusal[0]).isEqualTo(400);
            assertThat(answer.body().path("message").asString()).as(refusal[0]).startsWith(refusal[1])
                .doesNotContain("\n").hasSizeLessThan(1024);
        }
        assertThat(audit().path("settings")).as("nothing changed").isEqualTo(before);
        assertThat(this.controls.lane(AuditAdapter.NAME).orElseThrow().settingsChanges()).isEqualTo(changesBefore);
    }

    @Test
    void aBodyNestedAsInTheYamlChangesWhatTheFlatNamesChange() throws Exception {
        Answer changed = post("{\"circuit-breaker\": {\"failure-rate-threshold\": 20}, "
                + "\"dispatch\": {\"queue-capacity\": 20000}}");
        assertThat(changed.status()).isEqualTo(204);
        JsonNode audit = audit();
        assertThat(setting(audit, "circuit-breaker.failure-rate-threshold", "effective").asDouble()).isEqualTo(20);
        assertThat(setting(audit, "dispatch.queue-capacity", "effective").asInt()).isEqualTo(20000);
        assertThat(post("{\"circuit-breaker\": null, \"dispatch\": {\"queue-capacity\": null}}").status())
            .isEqualTo(204);
        assertThat(this.controls.lane(AuditAdapter.NAME).orElseThrow().settings())
            .isEqualTo(this.controls.lane(AuditAdapter.NAME).orElseThrow().configuredSettings());
    }

    @Test
    void aWriteChangesTheAdapterInItsPathOnlyAndTakesNothingFromTheQuery() throws Exception {
        long changesBefore = this.controls.settingsChanges() + this.controls.lane(AuditAdapter.NAME).orElseThrow()
            .settingsChanges() + this.controls.lane("prometheus").orElseThrow().settingsChanges();
        Answer otherName = post("{\"name\": \"prometheus\", \"enabled\": false}");
        assertThat(otherName.status()).isEqualTo(400);
        assertThat(otherName.body().path("message").asString())
            .isEqualTo("the body names adapter 'prometheus' but the path 'audit': a write changes the adapter in its "
                    + "path only");
        String query = "a write takes its settings from the JSON body only, not from the query string";
        for (String path : new String[] { "/actuator/observability/audit?name=prometheus",
                "/actuator/observability/audit?dispatch.queue-capacity=77",
                "/actuator/observability?metrics.enabled=false" }) {
            Answer answer = postTo(path, "{\"enabled\": false}");
            assertThat(answer.status()).as(path).isEqualTo(400);
            assertThat(answer.body().path("message").asString()).as(path).isEqualTo(query);
        }
        assertThat(this.controls.adapter("prometheus").orElseThrow().enabled()).isTrue();
        assertThat(this.controls.adapter(AuditAdapter.NAME).orElseThrow().enabled()).isTrue();
        assertThat(this.controls.settingsChanges() + this.controls.lane(AuditAdapter.NAME).orElseThrow()
            .settingsChanges() + this.controls.lane("prometheus").orElseThrow().settingsChanges())
            .as("nothing changed").isEqualTo(changesBefore);
    }

    private Answer post(String json) throws Exception {
        return postTo("/actuator/observability/" + AuditAdapter.NAME, json);
    }

    private Answer postTo(String path, String json) throws Exception {
        return SampleClient.post(url(path), json, this.adminName, this.adminPassword);
    }

    private JsonNode audit() throws Exception {
        Answer answer = SampleClient.get(url("/actuator/observability/" + AuditAdapter.NAME));
        assertThat(answer.status()).isEqualTo(200);
        return answer.body();
    }

    private static JsonNode setting(JsonNode adapter, String name, String which) {
        return adapter.path("settings").path(name).path(which);
    }

    private double settingsChangesCounted() throws Exception {
        return SampleClient.get(url("/actuator/metrics/observability.adapter.settings.changes?tag=adapter:"
                + AuditAdapter.NAME)).body().path("measurements").path(0).path("value").asDouble();
    }

    private String url(String path) {
        return "http://127.0.0.1:" + this.port + path;
    }
}
