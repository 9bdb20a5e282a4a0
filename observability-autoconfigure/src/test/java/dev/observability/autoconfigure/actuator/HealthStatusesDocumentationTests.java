package dev.observability.autoconfigure.actuator;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.observability.core.ObservabilityManager;
import dev.observability.core.spi.HealthStatus;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The status table of {@code docs/operations.md} ("Reading the health") lists exactly the statuses the code gives
 * each kind of component: an adapter (with and without {@code adapter-trouble-is-down}), a health check, the
 * manager.
 */
class HealthStatusesDocumentationTests {

    private static final Path OPERATIONS = Path.of("../docs/operations.md");

    /** A row of the table: {@code | `STATUS` | kinds | means | what to do |}. */
    private static final Pattern ROW = Pattern.compile("^\\| `([A-Z_]+)` \\| ([a-z, ]+) \\|", Pattern.MULTILINE);

    @Test
    void documentsEveryStatusAnAdapterCanShowAndNoOther() throws IOException {
        Set<String> fromCode = new TreeSet<>();
        for (HealthStatus status : HealthStatus.values()) {
            fromCode.add(ObservabilityHealthStatuses.ofAdapter(status, false).getCode());
            fromCode.add(ObservabilityHealthStatuses.ofAdapter(status, true).getCode());
        }
        assertThat(documented("adapter")).isEqualTo(fromCode);
    }

    @Test
    void documentsEveryStatusACheckCanShowAndNoOther() throws IOException {
        Set<String> fromCode = new TreeSet<>();
        for (HealthStatus status : HealthStatus.values()) {
            fromCode.add(ObservabilityHealthStatuses.ofCheck(status).getCode());
        }
        assertThat(documented("check")).isEqualTo(fromCode);
    }

    @Test
    void documentsTheManagersStatusesRunningAndStopped() throws IOException {
        ObservabilityManager manager = ObservabilityManager.builder().build();
        HealthIndicator component = (HealthIndicator) new ObservabilityHealthContributor(manager, false)
            .getContributor(ObservabilityHealthContributor.MANAGER);
        manager.start();
        Status running = component.health().getStatus();
        manager.close();
        Status stopped = component.health().getStatus();
        assertThat(documented("manager")).containsExactlyInAnyOrder(running.getCode(), stopped.getCode());
    }

    private static Set<String> documented(String kind) throws IOException {
        String health = Files.readString(OPERATIONS).split("## Reading the health")[1].split("\n## ")[0];
        Set<String> statuses = new TreeSet<>();
        Matcher row = ROW.matcher(health);
        while (row.find()) {
            if (Arrays.stream(row.group(2).split(",")).map(String::trim).anyMatch(kind::equals)) {
                statuses.add(row.group(1));
            }
        }
        return statuses;
    }
}
