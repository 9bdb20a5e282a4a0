package dev.observability.starter;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The jars an application gets with the starter are the ones {@code runtime-dependencies.txt} lists, each with the
 * reason it is there: the build fails when the starter's runtime dependency tree grows (or shrinks) without that
 * list, and so the reasons, following. The tree is Maven's own ({@code dependency:list}, scope runtime, written by
 * the build before the tests run); versions are left out, so one list holds for every supported Boot line. The jars
 * the starter adds to a Boot application are listed in docs/getting-started.md too.
 */
class RuntimeDependenciesTests {

    private static final Pattern RESOLVED = Pattern.compile("^\\s+([^:\\s]+):([^:\\s]+):[^\\s]+");

    private static final Pattern LISTED = Pattern.compile("^(\\? )?([^:\\s]+:[^:\\s]+)\\s+(\\S.*)$");

    private static final Pattern DOCUMENTED = Pattern.compile("^\\| `([^:`\\s]+:[^:`\\s]+)` \\| .+ \\|$");

    private static final Path GETTING_STARTED = Path.of("..", "docs", "getting-started.md");

    private static final String DOCUMENTED_SECTION = "### What the starter adds to an application";

    @Test
    void theStarterBringsExactlyTheListedJars() throws IOException {
        Set<String> resolved = resolvedRuntimeDependencies();
        CheckedInList list = CheckedInList.read();
        assertThat(resolved).as("jars the starter brings that runtime-dependencies.txt does not list: add each "
                + "with the reason it is there (or find what brought it)")
            .isSubsetOf(list.all().keySet());
        assertThat(list.required()).as("jars runtime-dependencies.txt lists that the starter no longer brings: "
                + "remove their lines (or mark a jar only some Boot lines bring with '? ')")
            .isSubsetOf(resolved);
    }

    @Test
    void everyListedJarSaysWhyItIsThere() throws IOException {
        assertThat(CheckedInList.read().all()).isNotEmpty()
            .allSatisfy((jar, reason) -> assertThat(reason).as(jar).hasSizeGreaterThan(10));
    }

    @Test
    void gettingStartedListsTheJarsTheStarterAdds() throws IOException {
        assertThat(documentedJars()).as("the jars in docs/getting-started.md, '" + DOCUMENTED_SECTION + "'")
            .isEqualTo(CheckedInList.read().added());
    }

    private static Set<String> resolvedRuntimeDependencies() throws IOException {
        String file = System.getProperty("runtime.dependencies");
        assertThat(file).as("the runtime.dependencies system property (set by the starter's pom)").isNotNull();
        Set<String> jars = new TreeSet<>();
        for (String line : Files.readAllLines(Path.of(file))) {
            Matcher matcher = RESOLVED.matcher(line);
            if (matcher.find()) {
                jars.add(matcher.group(1) + ":" + matcher.group(2));
            }
        }
        assertThat(jars).as("the jars dependency:list wrote to " + file).isNotEmpty();
        return jars;
    }

    private static Set<String> documentedJars() throws IOException {
        String page = Files.readString(GETTING_STARTED);
        int section = page.indexOf(DOCUMENTED_SECTION);
        assertThat(section).as(DOCUMENTED_SECTION + " in " + GETTING_STARTED.toAbsolutePath()).isNotNegative();
        int next = page.indexOf("\n#", section + DOCUMENTED_SECTION.length());
        Set<String> jars = new TreeSet<>();
        for (String line : page.substring(section, (next < 0) ? page.length() : next).split("\n")) {
            Matcher matcher = DOCUMENTED.matcher(line);
            if (matcher.matches()) {
                jars.add(matcher.group(1));
            }
        }
        return jars;
    }

    /**
     * {@code runtime-dependencies.txt}: a {@code [boot]} section (what every Boot application has) and an
     * {@code [added]} section (what the starter adds), a jar and its reason a line; {@code ? } marks a jar that only
     * some supported Boot lines bring.
     */
    private record CheckedInList(Map<String, String> all, Set<String> required, Set<String> added) {

        static CheckedInList read() throws IOException {
            Map<String, String> all = new LinkedHashMap<>();
            Set<String> required = new TreeSet<>();
            Set<String> added = new TreeSet<>();
            String section = "";
            for (String line : lines()) {
                if (line.startsWith("[")) {
                    section = line.substring(1, line.indexOf(']'));
                    continue;
                }
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                Matcher matcher = LISTED.matcher(line);
                assertThat(matcher.matches()).as("'groupId:artifactId  reason' in runtime-dependencies.txt: " + line)
                    .isTrue();
                String jar = matcher.group(2);
                assertThat(all.put(jar, matcher.group(3))).as(jar + " listed once").isNull();
                if (matcher.group(1) == null) {
                    required.add(jar);
                }
                if (section.equals("added")) {
                    added.add(jar);
                }
            }
            return new CheckedInList(all, required, added);
        }

        private static String[] lines() throws IOException {
            try (InputStream in = RuntimeDependenciesTests.class.getResourceAsStream("/runtime-dependencies.txt")) {
                assertThat(in).as("runtime-dependencies.txt on the test classpath").isNotNull();
                return new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n");
            }
        }
    }
}
