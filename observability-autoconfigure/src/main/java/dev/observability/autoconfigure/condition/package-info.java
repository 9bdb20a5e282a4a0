/**
 * The conditions of the project's auto-configurations: the {@code observability.*} on/off switches, read leniently.
 */
@NullMarked
package dev.observability.autoconfigure.condition;

import org.jspecify.annotations.NullMarked;
