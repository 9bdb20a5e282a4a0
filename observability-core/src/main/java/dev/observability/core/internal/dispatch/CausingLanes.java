package dev.observability.core.internal.dispatch;

import org.jspecify.annotations.Nullable;

/**
 * The lanes whose work led to what a thread records now, the latest first: the lane whose adapter the thread is
 * calling (or whose worker it is), then the lanes whose work caused the event being delivered there. A lane refuses
 * what its own work caused, directly or through other lanes (see {@link Whereabouts}), so a chain of causes passes
 * each lane at most once. Immutable; a lane keeps the one-lane chain of its own work, so only an event caused by
 * another lane's work makes a new one.
 */
final class CausingLanes {

    private final Object lane;

    private final @Nullable CausingLanes earlier;

    /**
     * @param lane the lane whose work records now
     * @param earlier the lanes whose work caused the event it works on, or {@code null} when the application did
     */
    CausingLanes(Object lane, @Nullable CausingLanes earlier) {
        this.lane = lane;
        this.earlier = earlier;
    }

    /**
     * @param candidate a lane
     * @return whether its work is among the causes
     */
    boolean include(Object candidate) {
        for (CausingLanes cause = this; cause != null; cause = cause.earlier) {
            if (cause.lane == candidate) {
                return true;
            }
        }
        return false;
    }
}
