package dev.observability.core.internal.manager;

import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.Function;

import dev.observability.core.settings.SettingsChange;
import dev.observability.core.settings.SettingsInForce;

/**
 * Settings as configured and in force ({@link SettingsInForce}), changed at runtime by {@link #change} and by a change
 * of the configuration ({@link #reconfigure}), all or nothing: each change in force is handed to the parts that apply
 * it (the manager's: the signal switches, the minimum log level, the trace sampling) before it is served as the
 * current settings.
 *
 * @param <S> the settings' record type
 */
public final class LiveSettings<S> {

    private final Consumer<S> applier;

    private volatile SettingsInForce<S> inForce;

    private final LongAdder changes = new LongAdder();

    /** Held while a change applies: a lock rather than a monitor, since changes come from request threads. */
    private final ReentrantLock changing = new ReentrantLock();

    /**
     * @param configured the settings as built
     * @param applier puts settings in force where they are read; it may refuse them with an
     * {@link IllegalArgumentException} before it changes anything
     */
    public LiveSettings(S configured, Consumer<S> applier) {
        this.applier = applier;
        this.inForce = SettingsInForce.of(configured);
    }

    public S current() {
        return this.inForce.current();
    }

    public S configured() {
        return this.inForce.configured();
    }

    /** @return the settings changed so far, each setting of each change counted once */
    public long changes() {
        return this.changes.sum();
    }

    /**
     * @param change the change at runtime, all or nothing
     * @return the step: each setting whose value in force changed
     * @throws IllegalArgumentException naming the setting that refuses its value: nothing changed
     */
    public SettingsInForce.Step<S> change(SettingsChange<S> change) {
        return take((inForce) -> inForce.change(change));
    }

    /**
     * @param change the change of the configured values, all or nothing
     * @return the step: each configured value that changed, and those whose override stays in force
     * @throws IllegalArgumentException naming the setting that refuses its value: nothing changed
     */
    public SettingsInForce.Step<S> reconfigure(SettingsChange<S> change) {
        return take((inForce) -> inForce.reconfigure(change));
    }

    /** Takes the step made from the settings in force now, under the lock, and applies it. */
    private SettingsInForce.Step<S> take(Function<SettingsInForce<S>, SettingsInForce.Step<S>> stepFrom) {
        this.changing.lock();
        try {
            SettingsInForce.Step<S> step = stepFrom.apply(this.inForce);
            S next = step.next().current();
            if (!next.equals(this.inForce.current())) {
                this.applier.accept(next);
            }
            this.inForce = step.next();
            this.changes.add(step.changes().size());
            return step;
        }
        finally {
            this.changing.unlock();
        }
    }
}
