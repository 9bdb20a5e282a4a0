package dev.observability.core.settings;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.StringJoiner;

import org.jspecify.annotations.Nullable;

/**
 * A change of some settings at runtime: a new value for some, the configured value back for others, and who asked
 * for it. It applies all or nothing ({@link #applyTo}): a value a setting refuses fails the whole change. Immutable;
 * each method returns a new change. Two changes are equal when they name the same settings with the same values,
 * whatever the order, and are asked for by the same person.
 *
 * <pre>{@code
 * manager.changeSettings("audit", SettingsChange.of(LaneSetting.FAILURE_RATE_THRESHOLD, 20f)
 *     .set(LaneSetting.QUEUE_CAPACITY, 20_000)
 *     .reset(LaneSetting.WAIT_DURATION_IN_OPEN_STATE));
 * }</pre>
 *
 * @param <S> the settings record changed
 */
public final class SettingsChange<S> {

    /** The value of a setting that returns to its configured value. */
    private static final Object CONFIGURED = new Object();

    private final Map<Setting<S, ?>, @Nullable Object> values;

    private final @Nullable String by;

    private SettingsChange(Map<Setting<S, ?>, @Nullable Object> values, @Nullable String by) {
        this.values = values;
        this.by = by;
    }

    /**
     * @param <S> the settings record changed
     * @return a change of nothing, to add to
     */
    public static <S> SettingsChange<S> none() {
        return new SettingsChange<>(Map.of(), null);
    }

    /**
     * @param setting a setting
     * @param value its new value
     * @param <S> the settings record changed
     * @param <T> the type of the setting's values
     * @return a change of that setting
     */
    public static <S, T> SettingsChange<S> of(Setting<S, T> setting, @Nullable T value) {
        return SettingsChange.<S>none().set(setting, value);
    }

    /**
     * @param settings the settings to compare
     * @param from settings before
     * @param to settings after
     * @param <S> the settings record
     * @return a change that sets each of those settings whose value differs in {@code to} to that value
     */
    public static <S> SettingsChange<S> between(List<? extends Setting<S, ?>> settings, S from, S to) {
        SettingsChange<S> change = none();
        for (Setting<S, ?> setting : settings) {
            change = setIfDifferent(change, setting, from, to);
        }
        return change;
    }

    private static <S, T> SettingsChange<S> setIfDifferent(SettingsChange<S> change, Setting<S, T> setting, S from,
            S to) {
        T value = setting.get(to);
        return Objects.equals(setting.get(from), value) ? change : change.set(setting, value);
    }

    /**
     * @param setting a setting
     * @param value its new value (checked when the change is applied)
     * @param <T> the type of the setting's values
     * @return this change, and that setting to that value
     */
    public <T> SettingsChange<S> set(Setting<S, T> setting, @Nullable T value) {
        return with(setting, value);
    }

    /**
     * @param setting a setting
     * @return this change, and that setting back to its configured value
     */
    public SettingsChange<S> reset(Setting<S, ?> setting) {
        return with(setting, CONFIGURED);
    }

    /**
     * @param who who asks for the change (an authenticated user's name), for the log; {@code null} when unknown
     * @return this change, asked for by them
     */
    public SettingsChange<S> by(@Nullable String who) {
        return new SettingsChange<>(this.values, who);
    }

    /** @return who asked for the change, or {@code null} */
    public @Nullable String by() {
        return this.by;
    }

    /** @return whether the change names no setting */
    public boolean isEmpty() {
        return this.values.isEmpty();
    }

    /** @return the settings the change names, set or reset, in the order it names them */
    public Set<Setting<S, ?>> settings() {
        return Collections.unmodifiableSet(this.values.keySet());
    }

    /**
     * @param before the settings set at runtime before the change
     * @return the settings set at runtime after it: those it sets are added, those it resets removed
     */
    Set<Setting<S, ?>> overrides(Set<Setting<S, ?>> before) {
        Set<Setting<S, ?>> after = new HashSet<>(before);
        this.values.forEach((setting, value) -> {
            if (value == CONFIGURED) {
                after.remove(setting);
            }
            else {
                after.add(setting);
            }
        });
        return after;
    }

    private SettingsChange<S> with(Setting<S, ?> setting, @Nullable Object value) {
        Map<Setting<S, ?>, @Nullable Object> values = new LinkedHashMap<>(this.values);
        values.put(setting, value);
        return new SettingsChange<>(Collections.unmodifiableMap(values), this.by);
    }

    /**
     * Applies the change, all or nothing.
     * @param current the settings in force
     * @param configured the settings as configured (what a reset returns to)
     * @return the settings with the change applied, and each setting whose value it changed, from and to
     * @throws IllegalArgumentException naming the first setting that refuses its new value, and the value; then
     * nothing is applied
     */
    @SuppressWarnings("unchecked")
    public Applied<S> applyTo(S current, S configured) {
        S result = current;
        List<SettingChange> changes = new ArrayList<>();
        for (Map.Entry<Setting<S, ?>, @Nullable Object> entry : this.values.entrySet()) {
            Setting<S, Object> setting = (Setting<S, Object>) entry.getKey();
            Object value = (entry.getValue() == CONFIGURED) ? setting.get(configured) : entry.getValue();
            if (value != null && !setting.type().isInstance(value)) {
                throw new IllegalArgumentException(setting.name() + " takes a " + setting.type().getSimpleName()
                        + ", not " + Setting.show(value));
            }
            result = setting.with(result, value);
            Object before = setting.get(current);
            if (!Objects.equals(before, value)) {
                changes.add(new SettingChange(setting.name(), before, value));
            }
        }
        return new Applied<>(result, List.copyOf(changes));
    }

    @Override
    public boolean equals(@Nullable Object other) {
        return (other instanceof SettingsChange<?> change) && this.values.equals(change.values)
                && Objects.equals(this.by, change.by);
    }

    @Override
    public int hashCode() {
        return Objects.hash(this.values, this.by);
    }

    /** @return each setting named with its value ({@code configured} for one returned to its configured value) */
    @Override
    public String toString() {
        StringJoiner text = new StringJoiner(", ", "{", "}");
        this.values.forEach((setting, value) -> text
            .add(setting.name() + "=" + ((value == CONFIGURED) ? "configured" : Setting.show(value))));
        return text + ((this.by != null) ? " by " + this.by : "");
    }

    /**
     * A change applied.
     *
     * @param changes each setting whose value changed, from and to, in the order the change named them
     * @param <S> the settings record
     */
    public record Applied<S>(S settings, List<SettingChange> changes) {
    }
}
