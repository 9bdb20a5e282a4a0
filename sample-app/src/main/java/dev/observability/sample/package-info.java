/**
 * The sample service.
 */
@NullMarked
package dev.observability.sample;

import org.jspecify.annotations.NullMarked;
