package dev.observability.core;

import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;

import dev.observability.core.settings.SettingChange;
import dev.observability.core.settings.SettingsChange;
import dev.observability.core.spi.LogLevel;
import dev.observability.core.spi.Signal;

/**
 * The manager's settings as configured and in force: the minimum log level, read by every log recording (a volatile
 * field), and the signals routed, handed to the lanes' registry (which the record paths ask), changed at runtime by
 * {@link #change}.
 */
final class LiveManagerSettings {

    private final ManagerSettings configured;

    private final Consumer<Set<Signal>> signalSwitch;

    private volatile ManagerSettings current;

    private volatile LogLevel minimumLevel;

    private final LongAdder changes = new LongAdder();

    /**
     * @param configured the settings the manager was built with
     * @param signalSwitch switches the signals the record paths route: receives the signals switched off
     */
    LiveManagerSettings(ManagerSettings configured, Consumer<Set<Signal>> signalSwitch) {
        this.configured = configured;
        this.signalSwitch = signalSwitch;
        this.current = configured;
        this.minimumLevel = configured.minimumLevel();
    }

    /** @return the least level of the log events routed now */
    LogLevel minimumLevel() {
        return this.minimumLevel;
    }

    /** @return the settings in force */
    ManagerSettings current() {
        return this.current;
    }

    /** @return the settings as configured */
    ManagerSettings configured() {
        return this.configured;
    }

    /** @return the settings changed so far, each setting of each change counted once */
    long changes() {
        return this.changes.sum();
    }

    /**
     * @param change the change, all or nothing
     * @return each setting whose value changed
     * @throws IllegalArgumentException naming the setting that refuses its value: nothing changed
     */
    synchronized List<SettingChange> change(SettingsChange<ManagerSettings> change) {
        SettingsChange.Applied<ManagerSettings> applied = change.applyTo(this.current, this.configured);
        if (!applied.changes().isEmpty()) {
            apply(applied.settings());
            this.changes.add(applied.changes().size());
        }
        return applied.changes();
    }

    private void apply(ManagerSettings settings) {
        this.signalSwitch.accept(settings.disabledSignals());
        this.minimumLevel = settings.minimumLevel();
        this.current = settings;
    }
}
