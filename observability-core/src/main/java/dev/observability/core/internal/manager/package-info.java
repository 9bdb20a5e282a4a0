/**
 * Internal, not for users: what the manager keeps of its own, apart from any signal: its settings as changed at
 * runtime, the line that logs each change, and the summary it logs when it stops. Its types change without notice
 * between releases.
 */
@NullMarked
package dev.observability.core.internal.manager;

import org.jspecify.annotations.NullMarked;
