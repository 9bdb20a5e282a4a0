package dev.observability.core.internal.dispatch;

import dev.observability.core.spi.Outcome;
import org.jspecify.annotations.Nullable;

/**
 * Which lanes' work a thread does now ({@link CausingLanes}): none on a thread of the application; the lane (and
 * what caused the event it works on) while the thread asks a lane's breaker for permission, calls its adapter, or
 * works as its worker. Whatever is recorded from there (an adapter that logs or records meters while it is called, a
 * breaker's own events turned into meters and bridged back, a lane's failure report and the metric the logging
 * framework counts for that line) is caused by that work: each lane in the chain refuses it and counts it as
 * {@link Outcome#REJECTED_REENTRANT}, so a lane never receives its own feedback, directly or through other lanes, and
 * nothing recurses or loops; every other lane receives it, of every signal, with the chain extended by itself
 * (through its queue too, see {@link CausedDelivery}). A chain passes each lane at most once, so the telemetry one
 * event causes ends after as many lanes as there are.
 * <p>
 * The thread-local holds the chain itself, so a thread pays one entry of its thread-local map and nothing more: with
 * virtual threads, each request's thread pays it.
 */
final class Whereabouts {

    private static final ThreadLocal<@Nullable CausingLanes> OF_THREAD = new ThreadLocal<>();

    private Whereabouts() {
    }

    /** @return the lanes whose work the thread does now, or {@code null} outside every lane */
    static @Nullable CausingLanes ofThisThread() {
        return OF_THREAD.get();
    }

    /** @param causes the lanes whose work the thread does from now on, or {@code null} outside every lane */
    static void mark(@Nullable CausingLanes causes) {
        OF_THREAD.set(causes);
    }
}
