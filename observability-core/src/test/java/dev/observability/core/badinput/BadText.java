package dev.observability.core.badinput;

/**
 * The hostile strings every text parameter is tried with.
 */
enum BadText {

    NULL(null),
    EMPTY(""),
    BLANK("   "),
    HUGE("a".repeat(100_000)),
    SPACE("has space"),
    NON_ASCII("größe"),
    NEWLINE("line\nbreak"),
    CONTROL("nul\u0000bell\u0007"),
    LONE_SURROGATE("lone\uD800surrogate"),
    FORGED_JSON("x\"}\n{\"level\":\"ERROR\",\"admin\":true");

    final String value;

    BadText(String value) {
        this.value = value;
    }
}
