/**
 * Start-up validation of the {@code observability.*} properties and the failure analysis that explains a bad value.
 */
@NullMarked
package dev.observability.autoconfigure.validation;

import org.jspecify.annotations.NullMarked;
