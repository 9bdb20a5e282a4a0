package dev.observability.core.settings;

import org.jspecify.annotations.Nullable;

/** One setting changed at runtime: its name, and its value before and after. */
public record SettingChange(String setting, @Nullable Object from, @Nullable Object to) {

    /** @return {@code <setting> <from> -> <to>}, the values as an operator writes them */
    @Override
    public String toString() {
        return this.setting + " " + Setting.show(this.from) + " -> " + Setting.show(this.to);
    }
}
