package dev.observability.sample;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Grafana dashboard, the Prometheus alert rules and their unit tests the project ships in
 * {@code docs/monitoring}, read as a user imports and loads them, and what the tests check in them: the panels'
 * queries, the rules, the rules' evaluations under test, and the metric names the dashboard and rules use.
 */
final class MonitoringFiles {

    private static final Path DIRECTORY = Path.of("..", "docs", "monitoring");

    static final Path DASHBOARD = DIRECTORY.resolve("observability-dashboard.json");

    static final Path ALERT_RULES = DIRECTORY.resolve("observability-alerts.yml");

    /** The unit tests of the alert rules, for {@code promtool test rules}. */
    static final Path ALERT_RULE_TESTS = DIRECTORY.resolve("observability-alerts.test.yml");

    /**
     * The metrics registered only where Spring Cloud Context is on the class path (the refresh support), which the
     * sample has not: what selects them must answer without them.
     */
    static final Set<String> WITH_SPRING_CLOUD_ONLY = Set.of("observability_settings_refresh_refusals_total");

    /** The starter's self-metrics all start so; nothing else is named by the dashboard or the rules. */
    private static final Pattern METRIC_NAME = Pattern.compile("\\bobservability_[a-z_]+\\b");

    /** The dashboard variables a panel query may use, and Grafana's rate window. */
    private static final Pattern VARIABLE = Pattern.compile("\\$(job|instance|adapter)\\b");

    private MonitoringFiles() {
    }

    static JsonNode dashboard() throws IOException {
        return JsonMapper.builder().build().readTree(Files.readString(DASHBOARD));
    }

    static String alertRulesText() throws IOException {
        return Files.readString(ALERT_RULES);
    }

    /** @return each rule of the rules file, as its YAML map ({@code alert}, {@code expr}, {@code for}, ...) */
    @SuppressWarnings("unchecked") // the shape of a Prometheus rules file
    static List<Map<String, Object>> alertRules() throws IOException {
        Map<String, Object> file = new Yaml().load(alertRulesText());
        List<Map<String, Object>> rules = new ArrayList<>();
        for (Map<String, Object> group : (List<Map<String, Object>>) file.get("groups")) {
            rules.addAll((List<Map<String, Object>>) group.get("rules"));
        }
        return rules;
    }

    /**
     * @return each evaluation of the rules' unit tests, as its YAML map ({@code eval_time}, {@code alertname},
     * {@code exp_alerts})
     */
    @SuppressWarnings("unchecked") // the shape of a promtool test file
    static List<Map<String, Object>> alertRuleEvaluations() throws IOException {
        Map<String, Object> file = new Yaml().load(Files.readString(ALERT_RULE_TESTS));
        List<Map<String, Object>> evaluations = new ArrayList<>();
        for (Map<String, Object> test : (List<Map<String, Object>>) file.get("tests")) {
            evaluations.addAll((List<Map<String, Object>>) test.get("alert_rule_test"));
        }
        return evaluations;
    }

    /** @return the panels of the dashboard that show data (its rows left out) */
    static List<JsonNode> dataPanels(JsonNode dashboard) {
        List<JsonNode> panels = new ArrayList<>();
        for (JsonNode panel : dashboard.get("panels")) {
            if (!panel.get("type").asString().equals("row")) {
                panels.add(panel);
            }
        }
        return panels;
    }

    /** @return a panel's title, to name it in a failed assertion */
    static String panelTitle(JsonNode panel) {
        return panel.get("title").asString();
    }

    /** @return the query of every target of every data panel */
    static List<String> panelQueries(JsonNode dashboard) {
        List<String> queries = new ArrayList<>();
        for (JsonNode panel : dataPanels(dashboard)) {
            for (JsonNode target : panel.get("targets")) {
                queries.add(target.get("expr").asString());
            }
        }
        return queries;
    }

    /**
     * @param panelQuery a panel's query
     * @return the query as Grafana sends it with every variable on "All" and a one-minute rate window
     */
    static String asGrafanaSendsIt(String panelQuery) {
        return VARIABLE.matcher(panelQuery).replaceAll(".*").replace("$__rate_interval", "1m");
    }

    /** @return the starter's metric names an expression selects */
    static Set<String> metricNames(String expression) {
        Set<String> names = new TreeSet<>();
        Matcher matcher = METRIC_NAME.matcher(expression);
        while (matcher.find()) {
            names.add(matcher.group());
        }
        return names;
    }
}
