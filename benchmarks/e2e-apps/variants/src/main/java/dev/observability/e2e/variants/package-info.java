/**
 * The end-to-end benchmark's variants that need the starter: the custom adapters, wired only when the starter is on
 * the class path (the with-starter jar) and the variant's property names them. Compiled into each benchmark
 * application.
 */
@NullMarked
package dev.observability.e2e.variants;

import org.jspecify.annotations.NullMarked;
