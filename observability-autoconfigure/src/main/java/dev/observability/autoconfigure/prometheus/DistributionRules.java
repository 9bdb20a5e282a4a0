package dev.observability.autoconfigure.prometheus;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Timer;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.convert.DurationStyle;

/**
 * Percentiles, percentile histograms and SLO buckets per metric name prefix, applied when a timer or distribution
 * summary is created. A key matches a metric name equal to it or starting with it and a dot ({@code http} matches
 * {@code http.server.requests}); the longest matching key wins, and the key {@code all} matches every name. Each of
 * the three settings is looked up on its own.
 * <p>
 * SLO boundaries are strings: for timings a duration ({@code 100ms}, {@code 1s}) or a number of milliseconds, for
 * histograms a number (duration strings do not apply to histograms and are skipped there).
 *
 * @param percentiles the percentiles (between 0 and 1) to publish, by prefix
 * @param percentileHistograms whether to publish a percentile histogram (Prometheus buckets), by prefix
 * @param slos the SLO bucket boundaries, by prefix
 */
public record DistributionRules(Map<String, List<Double>> percentiles, Map<String, Boolean> percentileHistograms,
        Map<String, List<String>> slos) {

    /** No percentiles, no histogram, no SLO buckets for any name. */
    public static final DistributionRules NONE = new DistributionRules(Map.of(), Map.of(), Map.of());

    private static final String ALL = "all";

    /**
     * Copies the maps and checks every value, so a mistake fails at start-up.
     * @throws IllegalArgumentException naming the prefix and the value when a percentile is outside [0, 1] or an SLO
     * boundary is neither a number nor a duration
     */
    public DistributionRules {
        percentiles = Map.copyOf(percentiles);
        percentileHistograms = Map.copyOf(percentileHistograms);
        slos = Map.copyOf(slos);
        percentiles.forEach((prefix, values) -> values.forEach((value) -> {
            if (!(value >= 0 && value <= 1)) {
                throw new IllegalArgumentException("percentile " + value + " for '" + prefix
                        + "' is outside [0, 1]; write percentiles as fractions, such as 0.95");
            }
        }));
        slos.forEach((prefix, values) -> values.forEach((value) -> timerBoundary(prefix, value)));
    }

    /**
     * @param name a timing's name
     * @param builder its builder, before registration
     * @return the builder with the settings that apply to the name
     */
    Timer.Builder apply(String name, Timer.Builder builder) {
        List<String> slo = lookup(this.slos, name);
        return builder.publishPercentiles(percentilesFor(name))
            .publishPercentileHistogram(lookup(this.percentileHistograms, name))
            .serviceLevelObjectives((slo != null)
                    ? slo.stream().map((value) -> timerBoundary(name, value)).toArray(Duration[]::new)
                    : new Duration[0]);
    }

    /**
     * @param name a histogram's name
     * @param builder its builder, before registration
     * @return the builder with the settings that apply to the name
     */
    DistributionSummary.Builder apply(String name, DistributionSummary.Builder builder) {
        List<String> slo = lookup(this.slos, name);
        return builder.publishPercentiles(percentilesFor(name))
            .publishPercentileHistogram(lookup(this.percentileHistograms, name))
            .serviceLevelObjectives((slo != null)
                    ? slo.stream().filter(DistributionRules::isNumber).mapToDouble(Double::parseDouble).toArray()
                    : new double[0]);
    }

    private double[] percentilesFor(String name) {
        List<Double> values = lookup(this.percentiles, name);
        return (values != null) ? values.stream().mapToDouble(Double::doubleValue).toArray() : new double[0];
    }

    private static <V> @Nullable V lookup(Map<String, V> byPrefix, String name) {
        String candidate = name;
        while (true) {
            V value = byPrefix.get(candidate);
            if (value != null) {
                return value;
            }
            int dot = candidate.lastIndexOf('.');
            if (dot < 0) {
                return byPrefix.get(ALL);
            }
            candidate = candidate.substring(0, dot);
        }
    }

    private static Duration timerBoundary(String prefix, String value) {
        try {
            return DurationStyle.detectAndParse(value.trim(), ChronoUnit.MILLIS);
        }
        catch (IllegalArgumentException ex) {
            if (isNumber(value)) {
                return Duration.ofNanos(Math.round(Double.parseDouble(value) * 1_000_000));
            }
            throw new IllegalArgumentException("SLO boundary '" + value + "' for '" + prefix
                    + "' is neither a number nor a duration such as 100ms", ex);
        }
    }

    private static boolean isNumber(String value) {
        try {
            Double.parseDouble(value);
            return true;
        }
        catch (NumberFormatException ex) {
            return false;
        }
    }
}
