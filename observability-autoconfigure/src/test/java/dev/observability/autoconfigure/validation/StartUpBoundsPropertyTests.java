package dev.observability.autoconfigure.validation;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.observability.autoconfigure.ObservabilityAutoConfiguration;
import dev.observability.autoconfigure.bridge.micrometer.MicrometerBridgeAutoConfiguration;
import dev.observability.autoconfigure.opentelemetry.metrics.OpenTelemetryMetricsAutoConfiguration;
import dev.observability.autoconfigure.prometheus.PrometheusAdapterAutoConfiguration;
import dev.observability.core.ObservabilityManager;
import dev.observability.core.chaos.ChaosAdapter;
import dev.observability.core.dispatch.LaneSetting;
import dev.observability.core.dispatch.LaneSettings;
import dev.observability.core.settings.Setting;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.GenerationMode;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.convert.ApplicationConversionService;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.otlp.OtlpMetricsExportAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.prometheus.PrometheusMetricsExportAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every number and duration property of the starter, with values at, just inside and just outside each of its
 * bounds, the extremes of its type (its least and greatest, 0, negative, NaN and the infinities, durations whose
 * nanoseconds overflow), text its type cannot hold, and random values: the application either starts with the value
 * in force, or does not start and Boot's failure analysis names the property and the value, and gives the range (or,
 * for text the type cannot hold, the failed conversion).
 */
class StartUpBoundsPropertyTests {

    /** The adapter whose {@code observability.adapters.<name>.*} properties are tried. */
    private static final String ADAPTER = "custom";

    /** The starter's core with an adapter bean: what binds the lane, health and manager properties. */
    private final ApplicationContextRunner starter = new ApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(ObservabilityAutoConfiguration.class))
        .withPropertyValues("observability.json-logging.enabled=false")
        .withBean(ChaosAdapter.class, () -> new ChaosAdapter(ADAPTER, ChaosAdapter.healthy()));

    /** The auto-configurations that bind the properties under a prefix, beyond the starter's core. */
    private final Map<String, ApplicationContextRunner> byPrefix = Map.of(
            "observability.metrics.micrometer-bridge.",
            this.starter.withConfiguration(AutoConfigurations.of(MetricsAutoConfiguration.class,
                    SimpleMetricsExportAutoConfiguration.class, CompositeMeterRegistryAutoConfiguration.class,
                    MicrometerBridgeAutoConfiguration.class)),
            "observability.prometheus.",
            this.starter.withConfiguration(AutoConfigurations.of(MetricsAutoConfiguration.class,
                    PrometheusMetricsExportAutoConfiguration.class, PrometheusAdapterAutoConfiguration.class)),
            "observability.opentelemetry.metrics.",
            this.starter
                .withConfiguration(AutoConfigurations.of(MetricsAutoConfiguration.class,
                        OtlpMetricsExportAutoConfiguration.class, OpenTelemetryMetricsAutoConfiguration.class))
                .withPropertyValues(
                        "management.otlp.metrics.export.url=http://127.0.0.1:" + portWhereNothingListens()
                                + "/v1/metrics",
                        "management.otlp.metrics.export.step=1d"));

    @Provide
    Arbitrary<Trial> boundaries() {
        List<Trial> trials = new ArrayList<>();
        for (BoundedProperty<?> property : BoundedProperty.all()) {
            BoundaryValues.of(property.type(), property.range())
                .forEach((value) -> trials.add(new Trial(property, text(value))));
            unconvertible(property.type()).forEach((text) -> trials.add(new Trial(property, text)));
        }
        return Arbitraries.of(trials);
    }

    @Provide
    Arbitrary<Trial> anyValues() {
        return Arbitraries.of(BoundedProperty.all())
            .flatMap((property) -> BoundaryValues.around(property.type(), property.range())
                .map((value) -> new Trial(property, text(value))));
    }

    @Property(generation = GenerationMode.EXHAUSTIVE)
    void atEachBoundJustInsideJustOutsideAndTheTypesExtremesTheApplicationStartsOrNamesThePropertyAndItsRange(
            @ForAll("boundaries") Trial trial) {
        assertStartsOrNamesThePropertyAndItsRange(trial);
    }

    @Property(tries = 40)
    void anyValueStartsTheApplicationOrNamesThePropertyAndItsRange(@ForAll("anyValues") Trial trial) {
        assertStartsOrNamesThePropertyAndItsRange(trial);
    }

    private void assertStartsOrNamesThePropertyAndItsRange(Trial trial) {
        String key = trial.property().keyFor(ADAPTER);
        Object value = converted(trial.text(), trial.property().type());
        runnerFor(key).withPropertyValues(key + "=" + trial.text()).run((context) -> {
            if (value != null && trial.property().accepts(value)) {
                assertThat(context).as("%s=%s starts", key, trial.text()).hasNotFailed();
                assertInForce(context, key, value);
                return;
            }
            assertThat(context).as("%s=%s does not start", key, trial.text()).hasFailed();
            FailureAnalysis analysis = BootFailureAnalysis.of(context.getStartupFailure());
            String description = analysis.getDescription();
            Matcher property = Pattern.compile("Property: (\\S+)").matcher(description);
            assertThat(property.find()).as("a property in %s", description).isTrue();
            assertThat(uniform(property.group(1))).as(description).isEqualTo(uniform(key));
            assertThat(description).as(description).contains("Value: \"")
                .contains((value != null) ? "Reason: must be " + trial.property().range().description()
                        : "failed to convert java.lang.String to ");
            assertThat(analysis.getAction()).startsWith("Update your application's configuration");
        });
    }

    private ApplicationContextRunner runnerFor(String key) {
        return this.byPrefix.entrySet().stream().filter((prefix) -> key.startsWith(prefix.getKey()))
            .map(Map.Entry::getValue).findFirst().orElse(this.starter);
    }

    /** A lane setting's value, accepted, is the custom adapter's lane's as configured. */
    private static void assertInForce(AssertableApplicationContext context, String key, Object value) {
        String name = key.replaceFirst("^observability\\.(adapters\\." + ADAPTER + "\\.)?", "");
        LaneSetting.named(name).ifPresent((setting) -> {
            LaneSettings configured = context.getBean(ObservabilityManager.class).controls().lane(ADAPTER).orElseThrow()
                .configuredSettings();
            assertThat(setting.get(configured)).as(key).isEqualTo(value);
        });
    }

    /** Text that does not convert to the type: too large for it, or not a value of it. */
    private static List<String> unconvertible(Class<?> type) {
        if (type == Integer.class) {
            return List.of("2147483648", "-2147483649", "99999999999999999999", "1.5", "lots");
        }
        if (type == Float.class) {
            return List.of("half", "1,5");
        }
        return List.of("106751991167301d", "9223372036854775808ns", "PT9999999999999999999H", "fast");
    }

    /** A value as an operator writes it in a properties file: a duration in ISO-8601, which Boot reads exactly. */
    private static String text(Object value) {
        return (value instanceof Duration duration) ? duration.toString() : String.valueOf(value);
    }

    /** The text as Boot binds it, or {@code null} when it does not convert. */
    private static @Nullable Object converted(String text, Class<?> type) {
        try {
            return ApplicationConversionService.getSharedInstance().convert(text, type);
        }
        catch (RuntimeException ex) {
            return null;
        }
    }

    private static String uniform(String name) {
        return name.replace("-", "").toLowerCase(Locale.ROOT);
    }

    private static int portWhereNothingListens() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
        catch (IOException ex) {
            throw new IllegalStateException(ex);
        }
    }

    /**
     * One value tried on one property.
     *
     * @param property the property
     * @param text the value, as written in a properties file
     */
    record Trial(BoundedProperty<?> property, String text) {

        @Override
        public String toString() {
            return this.property.key() + "=" + this.text + " (" + Setting.show(this.property.range().min()) + ".."
                    + Setting.show(this.property.range().max()) + ")";
        }
    }
}
