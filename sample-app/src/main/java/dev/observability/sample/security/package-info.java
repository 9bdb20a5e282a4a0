/**
 * How the sample restricts the {@code observability} endpoint's write operation with Spring Security.
 */
@NullMarked
package dev.observability.sample.security;

import org.jspecify.annotations.NullMarked;
