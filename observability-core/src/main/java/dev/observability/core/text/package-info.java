/**
 * Text helpers shared by the value types and the built-in adapters.
 */
@NullMarked
package dev.observability.core.text;

import org.jspecify.annotations.NullMarked;
