package dev.observability.sample;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shipped Grafana dashboard and alert rules as files ({@link MonitoringFiles}): the dashboard is JSON Grafana
 * imports, with its Prometheus data source as a variable every panel uses, and every rule has what an operator is
 * paged with and a runbook section that exists. That their queries run against the starter's real series is
 * {@link FleetPicturesEndToEndTests}' proof.
 */
class MonitoringFilesTests {

    private static final String DATASOURCE = "${datasource}";

    private static final Path OPERATIONS_PAGE = Path.of("..", "docs", "operations.md");

    @Test
    void theDashboardIsAGrafanaDashboardOverThePrometheusDatasourceVariable() throws Exception {
        JsonNode dashboard = MonitoringFiles.dashboard();
        assertThat(dashboard.get("schemaVersion").asInt()).as("Grafana 11 and later").isGreaterThanOrEqualTo(39);
        assertThat(dashboard.get("uid").asString()).isNotBlank();
        Map<String, JsonNode> variables = dashboard.get("templating").get("list").valueStream()
            .collect(Collectors.toMap((variable) -> variable.get("name").asString(), (variable) -> variable));
        assertThat(variables).containsOnlyKeys("datasource", "job", "instance", "adapter");
        assertThat(variables.get("datasource").get("type").asString()).isEqualTo("datasource");
        assertThat(variables.get("datasource").get("query").asString()).isEqualTo("prometheus");
        for (String name : List.of("job", "instance", "adapter")) {
            JsonNode variable = variables.get(name);
            assertThat(variable.get("type").asString()).as(name).isEqualTo("query");
            assertThat(variable.get("datasource").get("uid").asString()).as(name).isEqualTo(DATASOURCE);
            assertThat(variable.get("definition").asString()).as(name).startsWith("label_values(observability_");
        }
        List<JsonNode> panels = MonitoringFiles.dataPanels(dashboard);
        assertThat(panels).isNotEmpty().allSatisfy((panel) -> {
            assertThat(panel.get("datasource").get("type").asString()).as(title(panel)).isEqualTo("prometheus");
            assertThat(panel.get("datasource").get("uid").asString()).as(title(panel)).isEqualTo(DATASOURCE);
            assertThat(panel.get("targets")).as(title(panel)).isNotEmpty().allSatisfy((target) -> {
                assertThat(target.get("datasource").get("uid").asString()).as(title(panel)).isEqualTo(DATASOURCE);
                String query = target.get("expr").asString();
                assertThat(MonitoringFiles.metricNames(query)).as(query).isNotEmpty();
                assertThat(query).as("filtered by the job and instance variables").contains("job=~\"$job\"",
                        "instance=~\"$instance\"");
            });
        });
        assertThat(panels.stream().map(MonitoringFiles::panelTitle).distinct()).hasSize(panels.size());
    }

    @Test
    void everyAlertRuleWaitsNamesTheAdapterAndInstanceAndLinksAnExistingRunbookSection() throws Exception {
        Set<String> anchors = Files.readAllLines(OPERATIONS_PAGE).stream()
            .filter((line) -> line.startsWith("#"))
            .map(MonitoringFilesTests::anchor)
            .collect(Collectors.toSet());
        List<Map<String, Object>> rules = MonitoringFiles.alertRules();
        assertThat(rules).extracting((rule) -> rule.get("alert"))
            .contains("ObservabilityBackendDown", "ObservabilityEventsDropped", "ObservabilityCircuitOpen",
                    "ObservabilityQueueNearlyFull", "ObservabilityExportsLost", "ObservabilitySettingsRefreshRefused");
        assertThat(rules).allSatisfy((rule) -> {
            String alert = (String) rule.get("alert");
            assertThat(rule).as(alert).containsKeys("expr", "for", "labels", "annotations");
            assertThat(MonitoringFiles.metricNames((String) rule.get("expr"))).as(alert).isNotEmpty();
            assertThat(map(rule.get("labels"))).as(alert).containsKey("severity");
            Map<String, Object> annotations = map(rule.get("annotations"));
            assertThat(annotations).as(alert).containsKeys("summary", "description", "runbook_url");
            assertThat((String) annotations.get("description")).as(alert).contains("{{ $labels.instance }}");
            if (((String) rule.get("expr")).contains("adapter)")) {
                assertThat((String) annotations.get("description")).as(alert).contains("{{ $labels.adapter }}");
            }
            assertThat((String) annotations.get("runbook_url")).as(alert)
                .isEqualTo("docs/operations.md#" + alert.toLowerCase(Locale.ROOT));
            assertThat(anchors).as("a section of %s for %s", OPERATIONS_PAGE, alert)
                .contains(alert.toLowerCase(Locale.ROOT));
        });
    }

    /** @return the anchor GitHub gives a Markdown heading: lower case, spaces as dashes, punctuation left out */
    private static String anchor(String heading) {
        return heading.replaceFirst("^#+\\s*", "").toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9 _-]", "")
            .replace(' ', '-');
    }

    @SuppressWarnings("unchecked") // the shape of a Prometheus rules file
    private static Map<String, Object> map(Object yaml) {
        return (Map<String, Object>) yaml;
    }

    private static String title(JsonNode panel) {
        return MonitoringFiles.panelTitle(panel);
    }
}
