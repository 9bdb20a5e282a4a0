package dev.observability.sample;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Finds the Prometheus server and {@code promtool} that the end-to-end test runs: in the directory named by the
 * system property {@value #DIRECTORY_PROPERTY} (such as {@code ./mvnw verify -Dprometheus.dir=/opt/prometheus}),
 * otherwise on the {@code PATH}. As a JUnit condition it skips the test class where either program is missing, and
 * says why in the build's output. The forked test JVM's own standard error is printed there unchanged; the tests'
 * {@code System.err} is not, because Surefire writes it to a file.
 */
final class PrometheusInstallation implements ExecutionCondition {

    /** The system property naming the directory that holds {@code prometheus} and {@code promtool}. */
    static final String DIRECTORY_PROPERTY = "prometheus.dir";

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if (prometheus().isPresent() && promtool().isPresent()) {
            return ConditionEvaluationResult.enabled("Prometheus found: " + prometheus().get());
        }
        String reason = context.getDisplayName() + " skipped: " + missing();
        buildOutput().println("[WARNING] " + reason);
        return ConditionEvaluationResult.disabled(reason);
    }

    /** @return the Prometheus server, when installed */
    static Optional<Path> prometheus() {
        return find("prometheus");
    }

    /** @return {@code promtool}, when installed */
    static Optional<Path> promtool() {
        return find("promtool");
    }

    private static String missing() {
        String where = (System.getProperty(DIRECTORY_PROPERTY) != null)
                ? "in " + System.getProperty(DIRECTORY_PROPERTY) + " (-D" + DIRECTORY_PROPERTY + ")"
                : "on the PATH, and -D" + DIRECTORY_PROPERTY + " names no directory";
        return "prometheus and promtool are not both found " + where
                + "; install them (Debian: apt-get install -y --no-install-recommends prometheus, as .ci/run does)";
    }

    private static Optional<Path> find(String program) {
        String directory = System.getProperty(DIRECTORY_PROPERTY);
        if (directory != null) {
            return executable(Path.of(directory).resolve(program));
        }
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        return Arrays.stream(path.split(java.io.File.pathSeparator))
            .filter((entry) -> !entry.isEmpty())
            .map((entry) -> Path.of(entry).resolve(program))
            .flatMap((candidate) -> executable(candidate).stream())
            .findFirst();
    }

    private static Optional<Path> executable(Path candidate) {
        return Files.isRegularFile(candidate) && Files.isExecutable(candidate) ? Optional.of(candidate)
                : Optional.empty();
    }

    @SuppressWarnings("resource") // the JVM's own standard error, left open for the JVM
    private static PrintStream buildOutput() {
        return new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);
    }
}
