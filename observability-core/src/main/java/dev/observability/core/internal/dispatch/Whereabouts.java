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
 * What it buys: each thread has one instance, looked up once per event and changed in place, so that no event pays a
 * thread-local map's {@code set} (a second search of the thread's map) or, with {@code remove}, a new map entry;
 * {@code NoopManagerBenchmark.noopAdapterBound} (time and bytes per event) shows it.
 */
final class Whereabouts {

    private static final ThreadLocal<Whereabouts> OF_THREAD = ThreadLocal.withInitial(Whereabouts::new);

    /** The lanes whose work the thread does now, or {@code null} outside every lane; read and written by the thread. */
    @Nullable CausingLanes causes;

    private Whereabouts() {
    }

    static Whereabouts ofThisThread() {
        return OF_THREAD.get();
    }
}
