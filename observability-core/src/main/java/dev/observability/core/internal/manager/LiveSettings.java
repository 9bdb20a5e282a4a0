package dev.observability.core.internal.manager;

import java.util.List;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

import dev.observability.core.settings.SettingChange;
import dev.observability.core.settings.SettingsChange;

/**
 * Settings as configured and in force, changed at runtime by {@link #change}, all or nothing: each change in force is
 * handed to the parts that apply it (the manager's: the signal switches and the minimum log level) before it is
 * served as the current settings.
 *
 * @param <S> the settings' record type
 */
public final class LiveSettings<S> {

    private final S configured;

    private final Consumer<S> applier;

    private volatile S current;

    private final LongAdder changes = new LongAdder();

    /** Held while a change applies: a lock rather than a monitor, since changes come from request threads. */
    private final ReentrantLock changing = new ReentrantLock();

    /**
     * @param configured the settings as built
     * @param applier puts settings in force where they are read
     */
    public LiveSettings(S configured, Consumer<S> applier) {
        this.configured = configured;
        this.applier = applier;
        this.current = configured;
    }

    public S current() {
        return this.current;
    }

    public S configured() {
        return this.configured;
    }

    /** @return the settings changed so far, each setting of each change counted once */
    public long changes() {
        return this.changes.sum();
    }

    /**
     * @param change the change, all or nothing
     * @return each setting whose value changed
     * @throws IllegalArgumentException naming the setting that refuses its value: nothing changed
     */
    public List<SettingChange> change(SettingsChange<S> change) {
        this.changing.lock();
        try {
            SettingsChange.Applied<S> applied = change.applyTo(this.current, this.configured);
            if (!applied.changes().isEmpty()) {
                this.applier.accept(applied.settings());
                this.current = applied.settings();
                this.changes.add(applied.changes().size());
            }
            return applied.changes();
        }
        finally {
            this.changing.unlock();
        }
    }
}
