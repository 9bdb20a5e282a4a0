/**
 * The sample's custom adapter: a metrics backend of its own, declared as a bean, that keeps what it received in
 * memory and shows it at {@code GET /audit}.
 */
@NullMarked
package dev.observability.sample.audit;

import org.jspecify.annotations.NullMarked;
