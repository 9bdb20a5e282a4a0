package dev.observability.autoconfigure.reliability;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

import dev.observability.autoconfigure.validation.BoundaryValues;
import dev.observability.core.ManagerSetting;
import dev.observability.core.ManagerSettings;
import dev.observability.core.ObservabilityManager;
import dev.observability.core.chaos.HangGate;
import dev.observability.core.chaos.Producers;
import dev.observability.core.dispatch.LaneSetting;
import dev.observability.core.dispatch.LaneSettings;
import dev.observability.core.dispatch.LaneView;
import dev.observability.core.settings.Range;
import dev.observability.core.settings.Setting;
import dev.observability.core.settings.SettingsChange;
import dev.observability.core.spi.AdapterSnapshot;
import dev.observability.core.testing.Accounting;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.GenerationMode;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every setting an operator can change at runtime, over real HTTP ({@code POST /actuator/observability/{name}} with a
 * flat key, and {@code POST /actuator/observability} for the manager's) on a web server on a random loopback port,
 * while threads record every signal: values at, just inside and just outside each bound, the extremes of each type
 * (the least and greatest whole number, 0, negative, NaN and the infinities, durations that overflow), JSON the type
 * cannot hold, and random values. Every answer is 204 with the value in force, or 400 with one line naming the
 * setting (and its range) and nothing changed; never anything else. The account of every adapter stays exact.
 */
class RuntimeBoundsPropertyTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** JSON values that no number or duration setting takes: too large for the type, overflowing, not a value. */
    private static final List<String> NOT_A_VALUE = List.of("99999999999999999999", "1e400", "-1e400",
            "\"106751991167301d\"", "\"PT9999999999999999999H\"", "\"\"", "true");

    /** The application's adapters: its own (healthy, throwing, slow; inline and async) and two built-in ones. */
    private static final List<String> ADAPTERS = List.of("healthy-inline", "healthy-async", "throwing", "hanging",
            "slow", "toggled", "prometheus", "opentelemetry-traces");

    private static @Nullable ConfigurableApplicationContext context;

    private static @Nullable Producers producers;

    @BeforeContainer
    static void start() {
        ConfigurableApplicationContext started = new SpringApplicationBuilder(ReliabilityTestApplication.class)
            .properties("server.port=0", "server.address=127.0.0.1", "observability.json-logging.enabled=false",
                    "management.endpoints.web.exposure.include=health,observability",
                    "management.endpoint.observability.access=unrestricted",
                    "observability.adapters.healthy-inline.dispatch.mode=inline",
                    "observability.adapters.toggled.dispatch.mode=inline")
            .run();
        started.getBean(HangGate.class).open();
        Producers load = new Producers(started.getBean(ObservabilityManager.class), 2, Duration.ofNanos(200_000));
        load.start();
        context = started;
        producers = load;
    }

    @AfterContainer
    static void stop() throws InterruptedException {
        Producers load = Objects.requireNonNull(producers);
        boolean ended = load.stop(Duration.ofSeconds(30));
        Objects.requireNonNull(context).close();
        assertThat(ended).as("every recording thread ended: none was blocked").isTrue();
        assertThat(load.thrown()).as("what the recordings threw").isEmpty();
    }

    @Provide
    Arbitrary<Trial> boundaries() {
        List<Trial> trials = new ArrayList<>();
        for (LaneSetting<?> setting : LaneSetting.all()) {
            for (Candidate candidate : candidates(setting)) {
                trials.add(new Trial(ADAPTERS.get(trials.size() % ADAPTERS.size()), setting, candidate));
            }
        }
        for (ManagerSetting<?> setting : ManagerSetting.all()) {
            candidates(setting).forEach((candidate) -> trials.add(new Trial(null, setting, candidate)));
        }
        return Arbitraries.of(trials);
    }

    @Provide
    Arbitrary<Trial> anyValues() {
        List<LaneSetting<?>> ranged = LaneSetting.all().stream().filter((setting) -> setting.range().isPresent())
            .toList();
        return Arbitraries.of(ADAPTERS).flatMap((adapter) -> Arbitraries.of(ranged)
            .flatMap((setting) -> BoundaryValues.around(setting.type(), setting.range().orElseThrow())
                .map((value) -> new Trial(adapter, setting, typed(setting, value)))));
    }

    @Property(generation = GenerationMode.EXHAUSTIVE)
    void atEachBoundJustInsideJustOutsideAndTheTypesExtremesEveryAnswerIs204Or400(@ForAll("boundaries") Trial trial)
            throws Exception {
        assertAnsweredAsTheSettingsRangeSays(trial);
    }

    @Property(tries = 300)
    void anyValueIsAnswered204Or400(@ForAll("anyValues") Trial trial) throws Exception {
        assertAnsweredAsTheSettingsRangeSays(trial);
    }

    private static void assertAnsweredAsTheSettingsRangeSays(Trial trial) throws Exception {
        ObservabilityManager manager = Objects.requireNonNull(context).getBean(ObservabilityManager.class);
        Object before = settings(manager, trial);
        long changesBefore = changes(manager, trial);
        HttpResponse<String> answer = new Http(EndpointExposureTests.port(context)).post(trial.path(), trial.body());
        try {
            if (trial.candidate().accepted()) {
                assertThat(answer.statusCode()).as("%s: %s", trial, answer.body()).isEqualTo(204);
                assertThat(get(trial.setting(), settings(manager, trial))).as("%s in force", trial)
                    .isEqualTo(trial.candidate().value());
            }
            else {
                assertThat(answer.statusCode()).as("%s: %s", trial, answer.body()).isEqualTo(400);
                String message = JSON.readTree(answer.body()).path("message").asString();
                assertThat(message).as("%s", trial).doesNotContain("\n").contains(trial.setting().name());
                trial.setting().range().ifPresent((range) -> assertThat(message).contains(range.description()));
                assertThat(settings(manager, trial)).as("%s: nothing changed", trial).isEqualTo(before);
                assertThat(changes(manager, trial)).as("%s: nothing changed", trial).isEqualTo(changesBefore);
            }
            for (AdapterSnapshot snapshot : manager.controls().adapters()) {
                Accounting.assertIdentity(snapshot);
            }
        }
        finally {
            resetAll(manager);
        }
    }

    /** Values of a setting with a range around and beyond its bounds, and JSON its type cannot hold. */
    private static List<Candidate> candidates(Setting<?, ?> setting) {
        List<Candidate> candidates = new ArrayList<>();
        Range<?> range = setting.range().orElse(null);
        if (range != null) {
            BoundaryValues.of(setting.type(), range).forEach((value) -> candidates.add(typed(setting, value)));
            NOT_A_VALUE.forEach((json) -> candidates.add(new Candidate(json, false, null)));
        }
        else if (setting.type() == Boolean.class) {
            candidates.add(new Candidate("true", true, true));
            candidates.add(new Candidate("false", true, false));
            List.of("\"maybe\"", "1", "\"yes\"").forEach((json) -> candidates.add(new Candidate(json, false,
                    null)));
        }
        else {
            for (Object constant : setting.type().getEnumConstants()) {
                candidates.add(new Candidate("\"" + ((Enum<?>) constant).name().toLowerCase(Locale.ROOT) + "\"",
                        true, constant));
            }
            List.of("\"sideways\"", "5", "true").forEach((json) -> candidates.add(new Candidate(json, false, null)));
        }
        return candidates;
    }

    /**
     * A value of the setting's type as JSON: a number, or text for a duration and for NaN and the infinities. The
     * endpoint reads a JSON number as a decimal, which has no negative zero: {@code -0.0} arrives as 0.
     */
    private static Candidate typed(Setting<?, ?> setting, Object sent) {
        Object value = (sent instanceof Float number && number == 0f) ? (Object) 0f : sent;
        boolean accepted = refusal(setting, value) == null;
        String json = (value instanceof Duration || (value instanceof Float number && !Float.isFinite(number)))
                ? "\"" + value + "\"" : String.valueOf(value);
        return new Candidate(json, accepted, value);
    }

    @SuppressWarnings("unchecked")
    private static @Nullable String refusal(Setting<?, ?> setting, Object value) {
        return ((Setting<?, Object>) setting).refusal(value);
    }

    private static Object settings(ObservabilityManager manager, Trial trial) {
        return (trial.adapter() != null) ? lane(manager, trial.adapter()).settings() : manager.controls().settings();
    }

    private static long changes(ObservabilityManager manager, Trial trial) {
        return (trial.adapter() != null) ? lane(manager, trial.adapter()).settingsChanges() : manager.controls()
            .settingsChanges();
    }

    @SuppressWarnings("unchecked")
    private static @Nullable Object get(Setting<?, ?> setting, Object settings) {
        return ((Setting<Object, ?>) setting).get(settings);
    }

    private static LaneView lane(ObservabilityManager manager, String adapter) {
        return manager.controls().lane(adapter).orElseThrow();
    }

    /** Every adapter's settings and the manager's back to their configured values, for the next trial. */
    private static void resetAll(ObservabilityManager manager) {
        SettingsChange<LaneSettings> lane = SettingsChange.none();
        for (LaneSetting<?> setting : LaneSetting.all()) {
            lane = lane.reset(setting);
        }
        for (String adapter : ADAPTERS) {
            manager.controls().changeSettings(adapter, lane);
        }
        SettingsChange<ManagerSettings> managers = SettingsChange.none();
        for (ManagerSetting<?> setting : ManagerSetting.all()) {
            managers = managers.reset(setting);
        }
        manager.controls().changeSettings(managers);
    }

    /**
     * A value to send for a setting.
     *
     * @param json the value as JSON
     * @param accepted whether the setting takes it
     * @param value the value it is in force as once accepted
     */
    record Candidate(String json, boolean accepted, @Nullable Object value) {
    }

    /**
     * One value sent for one setting.
     *
     * @param adapter the adapter whose setting it is, or {@code null} for the manager's
     * @param setting the setting
     * @param candidate the value
     */
    record Trial(@Nullable String adapter, Setting<?, ?> setting, Candidate candidate) {

        String path() {
            return "/actuator/observability" + ((this.adapter != null) ? "/" + this.adapter : "");
        }

        String body() {
            return "{\"" + this.setting.name() + "\": " + this.candidate.json() + "}";
        }

        @Override
        public String toString() {
            return "POST " + path() + " " + body();
        }
    }
}
