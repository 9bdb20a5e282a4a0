package dev.observability.autoconfigure;

import dev.observability.core.dispatch.LaneView;
import org.jspecify.annotations.Nullable;

/**
 * The on/off state of one adapter that has a switch of its own among the starter's properties (such as
 * {@code observability.opentelemetry.logs.enabled} for {@code opentelemetry-logs}), declared as a bean. When that
 * switch is off the adapter's lane starts switched off, as with {@code observability.adapters.<name>.enabled=false}:
 * the adapter is registered, its refusals are counted, and the {@code observability} endpoint can switch it on. Once
 * the manager has the adapter, {@link #isOn()} follows its lane, so a part that works outside the lanes (an exporter
 * wrapper in Boot's SDK) can stop when the adapter is switched off at runtime.
 */
public final class AdapterSwitch {

    private final String adapterName;

    private final boolean configuredOn;

    private volatile @Nullable LaneView lane;

    /**
     * @param adapterName the name of the adapter the switch is for
     * @param configuredOn whether its property (and any switch above it) is on
     */
    public AdapterSwitch(String adapterName, boolean configuredOn) {
        this.adapterName = adapterName;
        this.configuredOn = configuredOn;
    }

    public String adapterName() {
        return this.adapterName;
    }

    /** @return whether the adapter's own property switches it on at start-up */
    public boolean configuredOn() {
        return this.configuredOn;
    }

    /**
     * @return whether the adapter is on now: its lane's state once the manager registered it (configured, then as
     * switched at runtime), the configured state before
     */
    public boolean isOn() {
        LaneView current = this.lane;
        return (current != null) ? current.isEnabled() : this.configuredOn;
    }

    /** @param registered a lane the manager registered; followed from now on when it is this switch's adapter's */
    void follow(LaneView registered) {
        if (registered.name().equals(this.adapterName)) {
            this.lane = registered;
        }
    }

    @Override
    public String toString() {
        return "AdapterSwitch[" + this.adapterName + (isOn() ? " on]" : " off]");
    }
}
