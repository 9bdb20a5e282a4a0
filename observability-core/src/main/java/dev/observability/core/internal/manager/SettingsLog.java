package dev.observability.core.internal.manager;

import java.lang.System.Logger.Level;
import java.util.List;
import java.util.stream.Collectors;

import dev.observability.core.settings.SettingChange;
import dev.observability.core.settings.SettingsInForce;
import org.jspecify.annotations.Nullable;

/**
 * Logs each change of settings made at runtime once, on one line: whose settings (an adapter's, or the manager's),
 * each setting from and to, and who asked for it when known; for a change of the configuration, the configured
 * values and the overrides that stay in force.
 */
public final class SettingsLog {

    private static final System.Logger LOGGER = System.getLogger("dev.observability.core.ObservabilityManager");

    private SettingsLog() {
    }

    /**
     * @param adapter the adapter whose settings changed, or {@code null} for the manager's
     * @param changes the settings changed (nothing is logged when there are none)
     * @param by who asked for the change, or {@code null}
     */
    public static void changed(@Nullable String adapter, List<SettingChange> changes, @Nullable String by) {
        if (changes.isEmpty()) {
            return;
        }
        LOGGER.log(Level.INFO, whose(adapter) + " changed" + ((by != null) ? " by " + by : "") + ": " + list(changes));
    }

    /**
     * @param adapter the adapter whose configured settings changed, or {@code null} for the manager's
     * @param step the change of the configuration (nothing is logged when it changed no value)
     * @param by where the configuration came from, or {@code null}
     */
    public static void reconfigured(@Nullable String adapter, SettingsInForce.Step<?> step, @Nullable String by) {
        if (step.changes().isEmpty()) {
            return;
        }
        LOGGER.log(Level.INFO, whose(adapter) + " configured" + ((by != null) ? " by " + by : "") + ": "
                + list(step.changes()) + (step.kept().isEmpty() ? ""
                        : "; set at runtime, in force until reset: " + String.join(", ", step.kept())));
    }

    private static String whose(@Nullable String adapter) {
        return "Observability settings of " + ((adapter != null) ? "adapter '" + adapter + "'" : "the manager");
    }

    private static String list(List<SettingChange> changes) {
        return changes.stream().map(SettingChange::toString).collect(Collectors.joining(", "));
    }
}
