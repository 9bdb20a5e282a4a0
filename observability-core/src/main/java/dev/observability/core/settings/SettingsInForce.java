package dev.observability.core.settings;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Settings as configured and as in force, with the settings an operator set at runtime (the overrides). A change at
 * runtime ({@link #change}) sets overrides or resets them to the configured value; a change of the configuration
 * ({@link #reconfigure}) sets the configured values, and each setting without an override takes its new configured
 * value in force too, while an override stays in force until it is reset. Immutable; each step returns the next.
 *
 * @param configured the settings as configured: what a reset returns to
 * @param current the settings in force
 * @param overridden the settings set at runtime and not reset since
 * @param <S> the settings record
 */
public record SettingsInForce<S>(S configured, S current, Set<Setting<S, ?>> overridden) {

    /** Copies the overrides so the record stays immutable. */
    public SettingsInForce {
        overridden = Set.copyOf(overridden);
    }

    /**
     * @param configured the settings as configured, in force
     * @param <S> the settings record
     * @return the settings as configured, in force, with no override
     */
    public static <S> SettingsInForce<S> of(S configured) {
        return new SettingsInForce<>(configured, configured, Set.of());
    }

    /**
     * @param change a change at runtime, all or nothing: each setting it sets becomes an override, each it resets
     * takes its configured value again
     * @return the next settings, and each setting whose value in force changed
     * @throws IllegalArgumentException naming the first setting that refuses its new value: nothing changed
     */
    public Step<S> change(SettingsChange<S> change) {
        SettingsChange.Applied<S> applied = change.applyTo(this.current, this.configured);
        return new Step<>(new SettingsInForce<>(this.configured, applied.settings(), change.overrides(this.overridden)),
                applied.changes(), List.of());
    }

    /**
     * @param change a change of the configured values, all or nothing (a reset in it changes nothing)
     * @return the next settings, each configured value that changed, and the settings among them whose override
     * stays in force
     * @throws IllegalArgumentException naming the first setting that refuses its new value: nothing changed
     */
    public Step<S> reconfigure(SettingsChange<S> change) {
        SettingsChange.Applied<S> configuredNow = change.applyTo(this.configured, this.configured);
        SettingsChange<S> followed = SettingsChange.none();
        List<String> kept = new ArrayList<>();
        for (Setting<S, ?> setting : change.settings()) {
            if (this.overridden.contains(setting)) {
                kept.add(setting.name());
            }
            else {
                followed = followed.reset(setting);
            }
        }
        SettingsChange.Applied<S> inForce = followed.applyTo(this.current, configuredNow.settings());
        List<String> keptChanged = kept.stream()
            .filter((name) -> configuredNow.changes().stream().anyMatch((changed) -> changed.setting().equals(name)))
            .toList();
        return new Step<>(new SettingsInForce<>(configuredNow.settings(), inForce.settings(), this.overridden),
                configuredNow.changes(), keptChanged);
    }

    /**
     * One step from settings to the next.
     *
     * @param next the settings after the step
     * @param changes each setting whose value changed, from and to: in force for a change at runtime, configured for
     * a change of the configuration
     * @param kept the settings whose configured value changed while an override of theirs stays in force
     * @param <S> the settings record
     */
    public record Step<S>(SettingsInForce<S> next, List<SettingChange> changes, List<String> kept) {

        /** Copies the lists so the record stays immutable. */
        public Step {
            changes = List.copyOf(changes);
            kept = List.copyOf(kept);
        }
    }
}
