/**
 * Health checks an application registers with the manager, and the settings of the health schedule.
 */
@NullMarked
package dev.observability.core.health;

import org.jspecify.annotations.NullMarked;
