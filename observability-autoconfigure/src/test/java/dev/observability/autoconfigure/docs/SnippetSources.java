package dev.observability.autoconfigure.docs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The files a documented block may be printed from: the documentation's example applications ({@code docs/examples},
 * built and tested in the reactor) and the sample application's main sources and build. A Java block is a whole
 * file, as printed (package, imports and all); any other block is a run of a file's lines, indented as a whole by
 * any amount (a dependency printed from inside a pom's {@code <dependencies>}).
 */
final class SnippetSources {

    private final List<Path> files;

    private SnippetSources(List<Path> files) {
        this.files = files;
    }

    /**
     * @param repository the repository's root
     * @return the example applications' files and the sample's
     */
    static SnippetSources in(Path repository) {
        return new SnippetSources(Stream.of(repository.resolve("docs/examples"), repository.resolve("sample-app/src/main"),
                repository.resolve("sample-app/pom.xml"))
            .flatMap(SnippetSources::filesUnder)
            .toList());
    }

    /**
     * @param files the files a block may be printed from
     * @return those files as the sources
     */
    static SnippetSources of(List<Path> files) {
        return new SnippetSources(files);
    }

    /**
     * @param block a documented block
     * @return a file that holds it as printed
     */
    Optional<Path> holding(FencedBlock block) {
        List<String> printed = block.text().lines().toList();
        return this.files.stream()
            .filter((file) -> block.language().equals("java") ? isWhole(printed, file) : holds(file, printed))
            .findFirst();
    }

    private static boolean isWhole(List<String> printed, Path file) {
        return file.toString().endsWith(".java") && FencedBlock.read(file).equals(printed);
    }

    private static boolean holds(Path file, List<String> printed) {
        List<String> lines = FencedBlock.read(file);
        for (int start = 0; start + printed.size() <= lines.size(); start++) {
            if (holdsAt(lines, start, printed)) {
                return true;
            }
        }
        return false;
    }

    /** Whether the printed lines are the file's from {@code start} on, all indented by the first line's extra indent. */
    private static boolean holdsAt(List<String> lines, int start, List<String> printed) {
        String first = lines.get(start);
        if (printed.isEmpty() || !first.endsWith(printed.get(0)) || !first.substring(0, first.length()
                - printed.get(0).length()).isBlank()) {
            return false;
        }
        String indent = first.substring(0, first.length() - printed.get(0).length());
        for (int i = 0; i < printed.size(); i++) {
            String line = lines.get(start + i);
            boolean same = printed.get(i).isBlank() ? line.isBlank() : line.equals(indent + printed.get(i));
            if (!same) {
                return false;
            }
        }
        return true;
    }

    private static Stream<Path> filesUnder(Path root) {
        if (Files.isRegularFile(root)) {
            return Stream.of(root);
        }
        try (Stream<Path> tree = Files.walk(root)) {
            return tree.filter(Files::isRegularFile)
                .filter((file) -> !file.toString().contains("/target/"))
                .toList()
                .stream();
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }
}
