/**
 * The compatibility kit for adapter authors: extend {@link dev.observability.test.AdapterCompatibilityKit} in a test
 * to run an adapter through a real manager and check what every adapter must do.
 */
@NullMarked
package dev.observability.test;

import org.jspecify.annotations.NullMarked;
