package dev.observability.core.chaos;

import java.util.Set;
import java.util.stream.Collectors;

/**
 * The threads alive at one moment, to find the ones a component started and left behind.
 */
public final class LiveThreads {

    private final Set<Thread> before;

    private LiveThreads(Set<Thread> before) {
        this.before = before;
    }

    /** @return the threads alive now */
    public static LiveThreads now() {
        return new LiveThreads(Set.copyOf(Thread.getAllStackTraces().keySet()));
    }

    /**
     * @param prefix a thread name prefix, such as {@code observability-}
     * @return the names of threads with that prefix alive now that were not alive at the snapshot
     */
    public Set<String> startedSince(String prefix) {
        return Thread.getAllStackTraces().keySet().stream()
            .filter((thread) -> thread.isAlive() && !this.before.contains(thread))
            .filter((thread) -> thread.getName().startsWith(prefix))
            .map(Thread::getName)
            .collect(Collectors.toSet());
    }
}
