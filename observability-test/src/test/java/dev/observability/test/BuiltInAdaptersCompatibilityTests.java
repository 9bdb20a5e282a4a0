package dev.observability.test;

import java.io.OutputStream;

import dev.observability.core.ObservabilityManager;
import dev.observability.core.adapters.JsonLoggingAdapter;
import dev.observability.core.adapters.NoopHealthAdapter;
import dev.observability.core.adapters.NoopLoggingAdapter;
import dev.observability.core.adapters.NoopMetricsAdapter;
import dev.observability.core.adapters.NoopTracingAdapter;
import dev.observability.core.spi.ObservabilityAdapter;
import org.junit.jupiter.api.Nested;

/** The core's built-in adapters pass the compatibility kit. */
class BuiltInAdaptersCompatibilityTests {

    @Nested
    class NoopMetrics extends AdapterCompatibilityKit {

        @Override
        protected ObservabilityAdapter createAdapter(ObservabilityManager manager) {
            return new NoopMetricsAdapter();
        }
    }

    @Nested
    class NoopTracing extends AdapterCompatibilityKit {

        @Override
        protected ObservabilityAdapter createAdapter(ObservabilityManager manager) {
            return new NoopTracingAdapter();
        }
    }

    @Nested
    class NoopLogging extends AdapterCompatibilityKit {

        @Override
        protected ObservabilityAdapter createAdapter(ObservabilityManager manager) {
            return new NoopLoggingAdapter();
        }
    }

    @Nested
    class NoopHealth extends AdapterCompatibilityKit {

        @Override
        protected ObservabilityAdapter createAdapter(ObservabilityManager manager) {
            return new NoopHealthAdapter();
        }
    }

    @Nested
    class JsonLogging extends AdapterCompatibilityKit {

        @Override
        protected ObservabilityAdapter createAdapter(ObservabilityManager manager) {
            return new JsonLoggingAdapter(OutputStream.nullOutputStream());
        }
    }
}
