/**
 * The constraints the {@code observability.*} properties classes check on themselves as Boot binds them, and the
 * failure analysis of what Boot's binder cannot report (two adapter beans with one name).
 */
@NullMarked
package dev.observability.autoconfigure.validation;

import org.jspecify.annotations.NullMarked;
