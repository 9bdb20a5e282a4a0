package dev.observability.autoconfigure.docs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;

/**
 * A fenced code block of a Markdown page: its language, its text and the note that marks it as not meant to be
 * copied ({@code <!-- not copied: why -->} on the line before the fence), if any.
 *
 * @param source the page and the line the block's text starts on, for messages
 * @param language what follows the opening fence ({@code java}, {@code yaml}, ...; empty for none)
 * @param text the block's lines, each ending in a newline
 * @param notCopied why the block is not meant to be copied (a fragment, an output), or {@code null} for a block a
 * user copies as it is
 */
record FencedBlock(String source, String language, String text, @Nullable String notCopied) {

    private static final Pattern NOT_COPIED = Pattern.compile("^<!-- not copied: (.*\\S)\\s*-->$");

    private static final String FENCE = "```";

    /**
     * @param repository the repository's root
     * @return the documentation's pages: {@code docs/*.md} in name order, then the README
     */
    static List<Path> pages(Path repository) {
        try (Stream<Path> docs = Files.list(repository.resolve("docs"))) {
            return Stream.concat(docs.filter((path) -> path.toString().endsWith(".md")).sorted(),
                    Stream.of(repository.resolve("README.md")))
                .toList();
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    /**
     * @param markdown a Markdown file
     * @return its fenced blocks, in order
     */
    static List<FencedBlock> in(Path markdown) {
        List<String> lines = read(markdown);
        List<FencedBlock> blocks = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String fence = lines.get(i).strip();
            if (fence.startsWith(FENCE)) {
                String notCopied = (i > 0) ? notCopied(lines.get(i - 1)) : null;
                int start = i + 1;
                StringBuilder text = new StringBuilder();
                for (i = start; i < lines.size() && !lines.get(i).strip().equals(FENCE); i++) {
                    text.append(lines.get(i)).append('\n');
                }
                blocks.add(new FencedBlock(markdown.getFileName() + ":" + (start + 1),
                        fence.substring(FENCE.length()).strip(), text.toString(), notCopied));
            }
        }
        return blocks;
    }

    /**
     * @param line a line of a page
     * @return the reason the line gives for the block after it not being copied, or {@code null} when it is no such
     * note
     */
    static @Nullable String notCopied(String line) {
        Matcher note = NOT_COPIED.matcher(line.strip());
        return note.matches() ? note.group(1) : null;
    }

    /** @return whether the block is YAML */
    boolean isYaml() {
        return this.language.equals("yaml") || this.language.equals("yml");
    }

    @Override
    public String toString() {
        return this.source + " (" + this.language + ")";
    }

    static List<String> read(Path file) {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }
}
