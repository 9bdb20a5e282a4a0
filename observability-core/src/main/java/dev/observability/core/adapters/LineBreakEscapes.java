package dev.observability.core.adapters;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.SerializableString;
import tools.jackson.core.io.CharacterEscapes;
import tools.jackson.core.io.SerializedString;

/**
 * JSON's standard escapes, plus the three characters that some line splitters (JavaScript's line terminators, Unicode
 * line breaking, tools that read text by Unicode lines) take for the end of a line besides {@code \n} and {@code \r}:
 * NEXT LINE (U+0085), LINE SEPARATOR (U+2028) and PARAGRAPH SEPARATOR (U+2029), written as {@code \u0085},
 * {@code \u2028} and {@code \u2029}. JSON allows them unescaped; escaped, each line of the log is one line for every
 * splitter, and it reads back as the same string. Jackson asks only for characters beyond ASCII, after its copy of an
 * ASCII run, so an ASCII line is written as fast as with the standard escapes.
 */
final class LineBreakEscapes extends CharacterEscapes {

    private static final int[] ASCII = standardAsciiEscapesForJSON();

    private static final SerializableString NEXT_LINE = new SerializedString("\\u0085");

    private static final SerializableString LINE_SEPARATOR = new SerializedString("\\u2028");

    private static final SerializableString PARAGRAPH_SEPARATOR = new SerializedString("\\u2029");

    @Override
    public int[] getEscapeCodesForAscii() {
        return ASCII;
    }

    @Override
    public @Nullable SerializableString getEscapeSequence(int ch) {
        return switch (ch) {
            case 0x85 -> NEXT_LINE;
            case 0x2028 -> LINE_SEPARATOR;
            case 0x2029 -> PARAGRAPH_SEPARATOR;
            default -> null;
        };
    }
}
