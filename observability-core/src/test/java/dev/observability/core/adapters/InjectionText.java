package dev.observability.core.adapters;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Tuple;

/**
 * The text the JSON-line properties feed to a writer: any characters, mostly the ones that break a line or its JSON
 * (newlines and the other line breaks U+0085, U+2028 and U+2029, quotes, backslashes, control characters, lone
 * surrogates, structural characters), and now and then a text past the length limits.
 */
public final class InjectionText {

    private InjectionText() {
    }

    /** @return the arbitrary text */
    public static Arbitrary<String> text() {
        Arbitrary<String> anyChar = Arbitraries.strings().withCharRange('\u0000', '\uffff').ofMaxLength(200);
        Arbitrary<String> controlAndSurrogates = Arbitraries.strings()
            .withChars("\u0000\u0001\u001f\u007f\u0085\u2028\u2029\"\\\n\r\t\uD800\uDBFF\uDC00\uDFFF{}[]:,")
            .ofMaxLength(200);
        Arbitrary<String> huge = Arbitraries.strings().withCharRange('\u0000', '\uffff').ofMinLength(15_000)
            .ofMaxLength(40_000);
        return Arbitraries.frequencyOf(Tuple.of(4, anyChar), Tuple.of(4, controlAndSurrogates), Tuple.of(1, huge));
    }
}
