package dev.observability.core.spi;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The outcomes the documentation names are the {@link Outcome}s of the code, and a call that throws or returns late
 * ends where the lanes count it ({@code LaneFaultTests} shows the behaviour: a throwing call is {@code failed}, a slow
 * call still {@code delivered} and a failure for the breaker only): the flowchart of {@code docs/operations.md}, the
 * outcome table of {@code docs/architecture.md} and the accounting equation of those pages and
 * {@code docs/reliability.md}.
 */
class OutcomeDocumentationTests {

    private static final Path OPERATIONS = Path.of("../docs/operations.md");

    private static final Path ARCHITECTURE = Path.of("../docs/architecture.md");

    private static final Path RELIABILITY = Path.of("../docs/reliability.md");

    /** An edge of the flowchart from the adapter call: {@code A -->|label| ID["text"]}. */
    private static final Pattern CALL_EDGE = Pattern.compile("^\\s*A -->\\|([^|]+)\\| \\w+\\[\"([^\"]+)\"\\]");

    /** A node's label in the flowchart: {@code ID["text"]}. */
    private static final Pattern NODE = Pattern.compile("\\w+\\[\"([^\"]+)\"\\]");

    private static final Set<String> OUTCOMES = Arrays.stream(Outcome.values()).map(Outcome::tagValue)
        .collect(Collectors.toCollection(TreeSet::new));

    @Test
    void theOperationsFlowchartEndsInEveryOutcome() throws IOException {
        Set<String> named = new TreeSet<>();
        Matcher node = NODE.matcher(flowchart());
        while (node.find()) {
            String word = firstWord(node.group(1));
            if (OUTCOMES.contains(word)) {
                named.add(word);
            }
        }
        assertThat(named).as("outcomes in the flowchart of %s", OPERATIONS).isEqualTo(OUTCOMES);
    }

    @Test
    void theOperationsFlowchartCountsAThrowingCallAsFailedAndALateOneAsDelivered() throws IOException {
        Map<String, String> outcomeByEdge = new LinkedHashMap<>();
        for (String line : flowchart().split("\n")) {
            Matcher edge = CALL_EDGE.matcher(line);
            if (edge.find()) {
                outcomeByEdge.put(edge.group(1), firstWord(edge.group(2)));
            }
        }
        assertThat(outcomeByEdge).as("edges from the adapter call").containsValues("delivered", "failed")
            .allSatisfy((label, outcome) -> {
                if (label.contains("throws")) {
                    assertThat(outcome).as(label).isEqualTo("failed");
                }
                if (label.contains("slow") || label.contains("late")) {
                    assertThat(outcome).as(label).isEqualTo("delivered");
                }
            });
        assertThat(outcomeByEdge.keySet()).anyMatch((label) -> label.contains("throws"))
            .anyMatch((label) -> label.contains("slow"));
    }

    @Test
    void theArchitectureTableDescribesEveryOutcomeAsTheLanesCountIt() throws IOException {
        Map<String, String> meaning = new LinkedHashMap<>();
        for (String line : Files.readAllLines(ARCHITECTURE, StandardCharsets.UTF_8)) {
            if (line.startsWith("| `")) {
                String name = line.substring(3, line.indexOf('`', 3));
                meaning.put(name, line.substring(line.indexOf('|', 3) + 1));
            }
        }
        assertThat(meaning.keySet()).as("outcome table of %s", ARCHITECTURE).containsAll(OUTCOMES);
        assertThat(meaning.get("delivered")).contains("slow or not");
        assertThat(meaning.get("failed")).contains("threw");
    }

    @Test
    void everyPageAccountsForEveryOutcomeAndPending() throws IOException {
        Set<String> expected = new TreeSet<>(OUTCOMES);
        expected.add("pending");
        for (Path page : List.of(OPERATIONS, ARCHITECTURE, RELIABILITY)) {
            List<String> equations = new ArrayList<>();
            for (String line : Files.readAllLines(page, StandardCharsets.UTF_8)) {
                if (line.startsWith("submitted = ")) {
                    equations.add(line);
                }
            }
            assertThat(equations).as("accounting equation in %s", page).hasSize(1);
            Set<String> terms = Arrays.stream(equations.get(0).substring("submitted = ".length()).split(" \\+ "))
                .map(String::strip).collect(Collectors.toCollection(TreeSet::new));
            assertThat(terms).as("terms of the equation in %s", page).isEqualTo(expected);
        }
    }

    /** @return the mermaid block under "What happens to one event" in docs/operations.md */
    private static String flowchart() throws IOException {
        String page = Files.readString(OPERATIONS, StandardCharsets.UTF_8);
        int section = page.indexOf("## What happens to one event");
        assertThat(section).as("the section in %s", OPERATIONS).isNotNegative();
        int start = page.indexOf("```mermaid", section);
        assertThat(start).as("its flowchart").isNotNegative();
        return page.substring(start, page.indexOf("```", start + 3));
    }

    private static String firstWord(String label) {
        int end = label.indexOf(' ');
        return (end < 0) ? label : label.substring(0, end);
    }
}
