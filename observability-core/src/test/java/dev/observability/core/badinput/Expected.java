package dev.observability.core.badinput;

import dev.observability.core.spi.InputRefusal;
import dev.observability.core.spi.Signal;
import org.jspecify.annotations.Nullable;

/**
 * What the documented rules say happens to one bad recording: refused and counted under a reason, delivered (to
 * the one test adapter, on a signal, possibly with cuts counted), or ignored (nothing delivered, nothing counted).
 *
 * @param refusal the reason it is refused for, or {@code null}
 * @param delivered the signal it is delivered on, or {@code null}
 * @param truncations the cuts counted
 */
record Expected(@Nullable InputRefusal refusal, @Nullable Signal delivered, long truncations) {

    static Expected refused(InputRefusal reason) {
        return new Expected(reason, null, 0);
    }

    static Expected delivered(Signal signal) {
        return new Expected(null, signal, 0);
    }

    static Expected truncated(Signal signal, long cuts) {
        return new Expected(null, signal, cuts);
    }

    static Expected ignored() {
        return new Expected(null, null, 0);
    }

    @Override
    public String toString() {
        if (this.refusal != null) {
            return "refused " + this.refusal.tagValue();
        }
        if (this.delivered == null) {
            return "ignored";
        }
        return "delivered on " + this.delivered.tagValue() + ((this.truncations > 0) ? ", " + this.truncations
                + " cut(s) counted" : "");
    }
}
