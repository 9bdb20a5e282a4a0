/**
 * Spring Boot auto-configuration of the observability manager: properties, adapter beans, lifecycle.
 */
@NullMarked
package dev.observability.autoconfigure;

import org.jspecify.annotations.NullMarked;
