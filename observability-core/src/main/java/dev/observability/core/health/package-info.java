/**
 * Health: checks, reports and the adapter that receives them.
 */
@NullMarked
package dev.observability.core.health;

import org.jspecify.annotations.NullMarked;
