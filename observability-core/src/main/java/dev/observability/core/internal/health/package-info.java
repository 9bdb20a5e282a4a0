/**
 * Internal, not for users: the health schedule that runs the checks and the adapters' own health and publishes each
 * report. Its types change without notice between releases.
 */
@NullMarked
package dev.observability.core.internal.health;

import org.jspecify.annotations.NullMarked;
