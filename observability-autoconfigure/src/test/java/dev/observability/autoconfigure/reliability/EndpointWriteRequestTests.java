package dev.observability.autoconfigure.reliability;

import java.net.http.HttpResponse;
import java.util.stream.Stream;

import dev.observability.core.ManagerSetting;
import dev.observability.core.ManagerSettings;
import dev.observability.core.ObservabilityControls;
import dev.observability.core.ObservabilityManager;
import dev.observability.core.dispatch.CircuitBreakerSettings;
import dev.observability.core.dispatch.LaneSetting;
import dev.observability.core.dispatch.LaneSettings;
import dev.observability.core.dispatch.LaneView;
import dev.observability.core.settings.SettingsChange;
import dev.observability.core.spi.LogLevel;
import dev.observability.core.spi.Signal;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code observability} endpoint's write operations over real HTTP, with write access granted: a write changes the
 * adapter in its path and no other, takes its settings from the JSON body only, reads the YAML's nesting as it reads
 * the flat names, and refuses anything else with 400 and a one-line {@code message}, changing nothing.
 */
class EndpointWriteRequestTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final String NOT_AN_OBJECT = "the body must be a JSON object of settings ({} returns every "
            + "setting to its configured value); it is ";

    private static final String QUERY = "a write takes its settings from the JSON body only, not from the query string";

    private static final String TOGGLED = "/actuator/observability/toggled";

    private static ConfigurableApplicationContext context;

    private static Http http;

    private static ObservabilityControls controls;

    @BeforeAll
    static void start() {
        context = new SpringApplicationBuilder(ReliabilityTestApplication.class)
            .properties("server.port=0", "server.address=127.0.0.1", "observability.json-logging.enabled=false",
                    "management.endpoints.web.exposure.include=health,observability",
                    "management.endpoint.observability.access=unrestricted")
            .run();
        http = new Http(EndpointExposureTests.port(context));
        controls = context.getBean(ObservabilityManager.class).controls();
    }

    @AfterAll
    static void stop() {
        context.close();
    }

    @AfterEach
    void returnEverySettingToItsConfiguredValue() {
        SettingsChange<LaneSettings> lanes = SettingsChange.none();
        for (LaneSetting<?> setting : LaneSetting.all()) {
            lanes = lanes.reset(setting);
        }
        for (String adapter : new String[] { "toggled", "healthy-inline" }) {
            controls.changeSettings(adapter, lanes);
        }
        SettingsChange<ManagerSettings> managerWide = SettingsChange.none();
        for (ManagerSetting<?> setting : ManagerSetting.all()) {
            managerWide = managerWide.reset(setting);
        }
        controls.changeSettings(managerWide);
    }

    @Test
    void aBodyNamingAnotherAdapterIsRefusedAndChangesNeither() throws Exception {
        Unchanged unchanged = Unchanged.now();
        assertRefused(http.post(TOGGLED, "{\"name\": \"healthy-inline\", \"enabled\": false}"),
                "the body names adapter 'healthy-inline' but the path 'toggled': a write changes the adapter in its "
                        + "path only");
        assertRefused(http.post("/actuator/observability", "{\"name\": \"toggled\", \"enabled\": false}"),
                "the body names adapter 'toggled' but the path none");
        unchanged.verify();
        assertThat(http.post(TOGGLED, "{\"name\": \"toggled\", \"enabled\": false}").statusCode())
            .as("the path's own name").isEqualTo(204);
        assertThat(controls.adapter("toggled").orElseThrow().enabled()).isFalse();
        assertThat(controls.adapter("healthy-inline").orElseThrow().enabled()).isTrue();
    }

    @Test
    void queryParametersAreRefusedAndChangeNothing() throws Exception {
        Unchanged unchanged = Unchanged.now();
        assertRefused(http.post(TOGGLED + "?name=healthy-inline", "{\"enabled\": false}"), QUERY);
        assertRefused(http.post(TOGGLED + "?dispatch.queue-capacity=77", "{}"), QUERY);
        assertRefused(http.post(TOGGLED + "?enabled=false", ""), QUERY);
        assertRefused(http.post("/actuator/observability?metrics.enabled=false", "{}"), QUERY);
        unchanged.verify();
    }

    @Test
    void nestedAsInTheYamlAndByFlatNamesABodyChangesTheSameSettings() throws Exception {
        assertThat(http.post(TOGGLED, "{\"circuit-breaker\": {\"failure-rate-threshold\": 20, "
                + "\"wait-duration-in-open-state\": \"10s\"}, \"dispatch\": {\"queue-capacity\": 20000}, "
                + "\"signals\": {\"logging\": false}}").statusCode()).isEqualTo(204);
        LaneSettings nested = lane().settings();
        assertThat(nested.circuitBreaker().failureRateThreshold()).isEqualTo(20f);
        assertThat(nested.circuitBreaker().waitDurationInOpenState()).hasSeconds(10);
        assertThat(nested.queueCapacity()).isEqualTo(20000);
        assertThat(nested.isSignalEnabled(Signal.LOGGING)).isFalse();
        returnEverySettingToItsConfiguredValue();
        assertThat(http.post(TOGGLED, "{\"circuit-breaker.failure-rate-threshold\": 20, "
                + "\"circuit-breaker.wait-duration-in-open-state\": \"10s\", \"dispatch.queue-capacity\": 20000, "
                + "\"signals.logging\": false}").statusCode()).isEqualTo(204);
        assertThat(lane().settings()).isEqualTo(nested);

        assertThat(http.post("/actuator/observability", "{\"logging\": {\"level\": \"debug\"}, "
                + "\"metrics\": {\"enabled\": false}}").statusCode()).isEqualTo(204);
        assertThat(controls.minimumLevel()).isEqualTo(LogLevel.DEBUG);
        assertThat(controls.settings().isSignalEnabled(Signal.METRICS)).isFalse();
    }

    @Test
    void nullReturnsASettingOrAGroupToItsConfiguredValueNestedOrFlat() throws Exception {
        http.post(TOGGLED, "{\"circuit-breaker\": {\"failure-rate-threshold\": 20, \"minimum-number-of-calls\": 5}, "
                + "\"dispatch\": {\"queue-capacity\": 20000}}");
        assertThat(http.post(TOGGLED, "{\"circuit-breaker\": null}").statusCode()).isEqualTo(204);
        assertThat(lane().settings().circuitBreaker()).isEqualTo(CircuitBreakerSettings.DEFAULTS);
        assertThat(lane().settings().queueCapacity()).isEqualTo(20000);
        assertThat(http.post(TOGGLED, "{\"dispatch\": {\"queue-capacity\": null}}").statusCode()).isEqualTo(204);
        assertThat(lane().settings()).isEqualTo(lane().configuredSettings());
        http.post(TOGGLED, "{\"enabled\": false, \"dispatch.queue-capacity\": 20000}");
        assertThat(http.post(TOGGLED, "{}").statusCode()).as("every setting").isEqualTo(204);
        assertThat(lane().settings()).isEqualTo(lane().configuredSettings());
    }

    static Stream<Arguments> refusedBodies() {
        return Stream.of(Arguments.of("[{\"enabled\": false}]", NOT_AN_OBJECT + "an array"),
                Arguments.of("[]", NOT_AN_OBJECT + "an array"), Arguments.of("null", NOT_AN_OBJECT + "null"),
                Arguments.of("\"off\"", NOT_AN_OBJECT + "a string"), Arguments.of("", NOT_AN_OBJECT + "empty"),
                Arguments.of("{\"enabled\": fal", "the body is not valid JSON at line 1, column "),
                Arguments.of("{\"enabled\": false} {}", "the body is not valid JSON at line 1, column "),
                Arguments.of("{\"enabled\": false, \"enabled\": true}",
                        "the body is not valid JSON at line 1, column "),
                Arguments.of("{\"circuit-breaker\": {\"failure-rate-threshold\": 20}, "
                        + "\"circuit-breaker.failure-rate-threshold\": 30}",
                        "'circuit-breaker.failure-rate-threshold' is given twice"),
                Arguments.of("{\"circuit-breaker\": {}}", "'circuit-breaker' is an empty object: name its settings, "
                        + "or give it null to return them to their configured values"),
                Arguments.of("{\"enabled\": [false]}", "'enabled' takes one value, not a list"),
                Arguments.of("{\"circuit-breaker\": {\"failure-rate\": 20}}",
                        "unknown setting 'circuit-breaker.failure-rate' (the settings are enabled, dispatch.mode"),
                Arguments.of("{\"enabled\": \"" + "x".repeat(70 * 1024) + "\"}",
                        "the body is over 64 KB; a change of settings takes far less"));
    }

    @ParameterizedTest
    @MethodSource("refusedBodies")
    void refusesABodyThatIsNotAnObjectOfSettingsWithAOneLineReasonAndChangesNothing(String body, String reason)
            throws Exception {
        Unchanged unchanged = Unchanged.now();
        assertRefused(http.post(TOGGLED, body), reason);
        unchanged.verify();
    }

    @Test
    void refusesANullOrArrayBodyOfTheManagerWithAOneLineReason() throws Exception {
        Unchanged unchanged = Unchanged.now();
        assertRefused(http.post("/actuator/observability", "null"), NOT_AN_OBJECT + "null");
        assertRefused(http.post("/actuator/observability", "[]"), NOT_AN_OBJECT + "an array");
        unchanged.verify();
    }

    @Test
    void echoesALongOrMultiLineKeyOrValueCutShortOnOneLine() throws Exception {
        String longKey = "k".repeat(40 * 1024);
        String message = assertRefused(http.post(TOGGLED, "{\"" + longKey + "\": 1}"),
                "unknown setting '" + "k".repeat(64) + "...' (the settings are ");
        assertThat(message).hasSizeLessThan(1024);
        assertRefused(http.post(TOGGLED, "{\"dispatch.mode\": \"" + "v".repeat(40 * 1024) + "\"}"),
                "dispatch.mode must be one of inline, async, not '" + "v".repeat(64) + "...'");
        assertThat(assertRefused(http.post(TOGGLED, "{\"a\\u2028b\\nc\": 1}"), "unknown setting 'a b c'"))
            .doesNotContain("\u2028");
    }

    @Test
    void behindAnotherBasePathPathMappingAndManagementPortAWriteStillChangesOnlyThePathsAdapter() throws Exception {
        try (ConfigurableApplicationContext moved = new SpringApplicationBuilder(ReliabilityTestApplication.class)
            .properties("server.port=0", "server.address=127.0.0.1", "observability.json-logging.enabled=false",
                    "management.server.port=0", "management.server.address=127.0.0.1",
                    "management.endpoints.web.base-path=/manage",
                    "management.endpoints.web.path-mapping.observability=lanes",
                    "management.endpoints.web.exposure.include=observability",
                    "management.endpoint.observability.access=unrestricted")
            .run()) {
            Http management = new Http(moved.getEnvironment().getRequiredProperty("local.management.port",
                    Integer.class));
            ObservabilityManager movedManager = moved.getBean(ObservabilityManager.class);
            assertRefused(management.post("/manage/lanes/toggled",
                    "{\"name\": \"healthy-inline\", \"enabled\": false}"),
                    "the body names adapter 'healthy-inline' but the path 'toggled'");
            assertRefused(management.post("/manage/lanes/toggled?name=healthy-inline", "{\"enabled\": false}"), QUERY);
            assertThat(movedManager.controls().adapter("healthy-inline").orElseThrow().enabled()).isTrue();
            assertThat(movedManager.controls().adapter("toggled").orElseThrow().enabled()).isTrue();
            assertThat(management.post("/manage/lanes/toggled", "{\"dispatch\": {\"queue-capacity\": 2048}}")
                .statusCode()).isEqualTo(204);
            assertThat(movedManager.controls()
                .lane("toggled").orElseThrow().settings().queueCapacity()).isEqualTo(2048);
        }
    }

    /** @return the refusal's message, after checking it is a 400 whose body is one line: {@code {"message": ...}} */
    private static String assertRefused(HttpResponse<String> answer, String reason) {
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(400);
        JsonNode body = JSON.readTree(answer.body());
        assertThat(body.propertyNames()).containsExactly("message");
        String message = body.get("message").asString();
        assertThat(message).startsWith(reason).doesNotContain("\n", "\r");
        return message;
    }

    private static LaneView lane() {
        return controls.lane("toggled").orElseThrow();
    }

    /** The settings of both adapters and the manager, and their counts of changes, to check a refusal left alone. */
    private record Unchanged(LaneSettings toggled, LaneSettings other, ManagerSettings managerWide, long count) {

        static Unchanged now() {
            return new Unchanged(lane().settings(), controls.lane("healthy-inline").orElseThrow().settings(),
                    controls.settings(), changes());
        }

        void verify() {
            assertThat(now()).isEqualTo(this);
        }

        private static long changes() {
            return lane().settingsChanges() + controls.lane("healthy-inline").orElseThrow().settingsChanges()
                    + controls.settingsChanges();
        }
    }
}
