/**
 * Structured logging: the adapter SPI, log events and the built-in JSON logger.
 */
@NullMarked
package dev.observability.core.logging;

import org.jspecify.annotations.NullMarked;
