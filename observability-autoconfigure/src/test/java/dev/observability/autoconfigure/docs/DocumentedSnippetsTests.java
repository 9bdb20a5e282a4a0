package dev.observability.autoconfigure.docs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Every Java, XML and YAML block of the README and {@code docs/*.md} that a user copies is code that is built and
 * tested: a Java block is a whole source file of an example application ({@code docs/examples}, a module of the
 * build whose tests start it) or of the sample, an XML or YAML block is printed from one of their files (a pom, a
 * configuration), and an application's YAML that no example holds is started by {@link DocumentedYamlSnippetsTests}.
 * A block that is not meant to be copied (an excerpt, an output) says so on the line before its fence:
 * {@code <!-- not copied: why -->}.
 */
class DocumentedSnippetsTests {

    private static final Path REPOSITORY = Path.of("..");

    private static final Set<String> CODE = Set.of("java", "xml", "yaml", "yml");

    private static final SnippetSources SOURCES = SnippetSources.in(REPOSITORY);

    static Stream<FencedBlock> codeBlocks() {
        return FencedBlock.pages(REPOSITORY).stream()
            .flatMap((page) -> FencedBlock.in(page).stream())
            .filter((block) -> CODE.contains(block.language()));
    }

    static Stream<FencedBlock> copiedBlocks() {
        return codeBlocks().filter((block) -> block.notCopied() == null).filter((block) -> !startedAsConfiguration(block));
    }

    @Test
    void theDocsHaveBlocksPrintedFromTheExamples() {
        assertThat(copiedBlocks().map(FencedBlock::source))
            .anyMatch((source) -> source.startsWith("getting-started.md"))
            .anyMatch((source) -> source.startsWith("custom-adapter.md"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("copiedBlocks")
    void everyBlockAUserCopiesIsPrintedFromACompiledAndTestedFile(FencedBlock block) {
        assertThat(SOURCES.holding(block)).as("a file of docs/examples or sample-app that holds %s as printed%s", block,
                block.language().equals("java") ? " (a whole Java file: package, imports and all)" : "")
            .isPresent();
    }

    @Test
    void aNoteThatABlockIsNotCopiedPrecedesACodeBlock() {
        for (Path page : FencedBlock.pages(REPOSITORY)) {
            List<String> lines = FencedBlock.read(page);
            for (int i = 0; i < lines.size(); i++) {
                if (FencedBlock.notCopied(lines.get(i)) != null) {
                    assertThat((i + 1 < lines.size()) ? lines.get(i + 1) : "")
                        .as("%s:%d: the line after a not-copied note", page.getFileName(), i + 1)
                        .matches("```(java|xml|yaml|yml)");
                }
            }
        }
    }

    @Test
    void aJavaBlockIsAWholeFileAndAnyOtherBlockARunOfAFilesLinesIndentedAsAWhole(@TempDir Path directory)
            throws IOException {
        Path pom = Files.writeString(directory.resolve("pom.xml"), """
                <dependencies>
                    <dependency>
                        <artifactId>a</artifactId>
                    </dependency>
                </dependencies>
                """);
        Path java = Files.writeString(directory.resolve("A.java"), "package a;\n\nclass A {\n}\n");
        SnippetSources sources = SnippetSources.of(List.of(pom, java));
        assertThat(sources.holding(block("xml", "<dependency>\n    <artifactId>a</artifactId>\n</dependency>\n")))
            .contains(pom);
        assertThat(sources.holding(block("xml", "<dependency>\n<artifactId>a</artifactId>\n</dependency>\n"))).isEmpty();
        assertThat(sources.holding(block("xml", "<dependency>\n    <artifactId>b</artifactId>\n</dependency>\n")))
            .isEmpty();
        assertThat(sources.holding(block("java", "package a;\n\nclass A {\n}\n"))).contains(java);
        assertThat(sources.holding(block("java", "class A {\n}\n"))).isEmpty();
    }

    @Test
    void aNoteBeforeTheFenceMarksABlockAsNotCopied(@TempDir Path directory) throws IOException {
        Path page = Files.writeString(directory.resolve("page.md"), """
                Text.

                <!-- not copied: an excerpt of A.java -->
                ```java
                class A {
                }
                ```

                ```yaml
                a: 1
                ```
                """);
        assertThat(FencedBlock.in(page)).extracting(FencedBlock::source, FencedBlock::language, FencedBlock::notCopied)
            .containsExactly(tuple("page.md:5", "java", "an excerpt of A.java"),
                    tuple("page.md:10", "yaml", null));
    }

    /** An application's YAML is started as it is by {@link DocumentedYamlSnippetsTests}, wherever it is printed from. */
    private static boolean startedAsConfiguration(FencedBlock block) {
        return block.isYaml() && new YamlSnippet(block.source(), block.text()).isApplicationConfiguration();
    }

    private static FencedBlock block(String language, String text) {
        return new FencedBlock("test", language, text, null);
    }
}
