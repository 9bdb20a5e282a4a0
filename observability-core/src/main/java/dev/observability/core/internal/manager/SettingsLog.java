package dev.observability.core.internal.manager;

import java.lang.System.Logger.Level;
import java.util.List;
import java.util.stream.Collectors;

import dev.observability.core.settings.SettingChange;
import org.jspecify.annotations.Nullable;

/**
 * Logs each change of settings made at runtime once, on one line: whose settings (an adapter's, or the manager's),
 * each setting from and to, and who asked for it when known.
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
        LOGGER.log(Level.INFO, line(adapter, changes, by));
    }

    private static String line(@Nullable String adapter, List<SettingChange> changes, @Nullable String by) {
        return "Observability settings of " + ((adapter != null) ? "adapter '" + adapter + "'" : "the manager")
                + " changed" + ((by != null) ? " by " + by : "") + ": "
                + changes.stream().map(SettingChange::toString).collect(Collectors.joining(", "));
    }
}
