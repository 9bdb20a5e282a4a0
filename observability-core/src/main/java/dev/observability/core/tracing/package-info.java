/**
 * The manager's spans and scopes, and the source of span contexts an integration plugs in.
 */
@NullMarked
package dev.observability.core.tracing;

import org.jspecify.annotations.NullMarked;
