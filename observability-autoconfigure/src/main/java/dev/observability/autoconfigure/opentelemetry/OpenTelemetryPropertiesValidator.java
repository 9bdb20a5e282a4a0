package dev.observability.autoconfigure.opentelemetry;

import java.net.URI;

import dev.observability.autoconfigure.validation.InvalidObservabilityConfigurationException;

/**
 * Checks {@code observability.opentelemetry.*} before the adapter builds its own SDK, so a wrong value fails the
 * start-up with a message naming the property and the fix.
 */
final class OpenTelemetryPropertiesValidator {

    private static final String PREFIX = "observability.opentelemetry.";

    private OpenTelemetryPropertiesValidator() {
    }

    /**
     * @param properties the settings
     * @throws InvalidObservabilityConfigurationException when one is invalid
     */
    static void validate(OpenTelemetryProperties properties) {
        String protocol = properties.getProtocol();
        if (!OpenTelemetryProperties.HTTP_PROTOBUF.equals(protocol) && !OpenTelemetryProperties.GRPC.equals(protocol)) {
            throw InvalidObservabilityConfigurationException.invalidProperty(PREFIX + "protocol", protocol,
                    "http/protobuf or grpc", "http/protobuf");
        }
        double probability = properties.getSamplingProbability();
        if (!(probability >= 0.0 && probability <= 1.0)) {
            throw InvalidObservabilityConfigurationException.invalidProperty(PREFIX + "sampling-probability",
                    probability, "a number from 0.0 to 1.0", "1.0");
        }
        if (properties.getTimeout().isNegative() || properties.getTimeout().isZero()) {
            throw InvalidObservabilityConfigurationException.invalidProperty(PREFIX + "timeout",
                    properties.getTimeout(), "a positive duration such as 10s", "10s");
        }
        String endpoint = properties.getEndpoint();
        if (endpoint != null && !endpoint.isBlank() && !isHttpUrl(endpoint)) {
            throw InvalidObservabilityConfigurationException.invalidProperty(PREFIX + "endpoint", endpoint,
                    "an http:// or https:// URL such as http://localhost:4318/v1/traces", "the protocol's local port");
        }
    }

    private static boolean isHttpUrl(String endpoint) {
        try {
            URI uri = URI.create(endpoint);
            return ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null;
        }
        catch (IllegalArgumentException ex) {
            return false;
        }
    }
}
