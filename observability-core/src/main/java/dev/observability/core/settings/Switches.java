package dev.observability.core.settings;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * The members of an enum switched off in a settings record (such as the signals an adapter does not receive): an
 * unmodifiable copy, and the set with one member switched on or off.
 */
public final class Switches {

    private Switches() {
    }

    /**
     * @param type the enum
     * @param off the members switched off
     * @param <E> the enum
     * @return an unmodifiable copy
     */
    public static <E extends Enum<E>> Set<E> copyOf(Class<E> type, Set<E> off) {
        return Collections.unmodifiableSet(off.isEmpty() ? EnumSet.noneOf(type) : EnumSet.copyOf(off));
    }

    /**
     * @param type the enum
     * @param off the members switched off
     * @param member a member
     * @param on whether it is switched on
     * @param <E> the enum
     * @return the members switched off with {@code member} switched on or off
     */
    public static <E extends Enum<E>> Set<E> with(Class<E> type, Set<E> off, E member, boolean on) {
        Set<E> switched = EnumSet.noneOf(type);
        switched.addAll(off);
        if (on) {
            switched.remove(member);
        }
        else {
            switched.add(member);
        }
        return switched;
    }
}
