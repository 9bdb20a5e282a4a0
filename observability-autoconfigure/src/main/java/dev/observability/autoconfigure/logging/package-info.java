/**
 * Logs in a Spring Boot application: the starter's JSON lines as a Spring Boot structured log format of Boot's own
 * console and file appenders, the default that selects it before the logging system starts, and the way the
 * manager's {@code log(...)} calls join Boot's logging.
 */
@NullMarked
package dev.observability.autoconfigure.logging;

import org.jspecify.annotations.NullMarked;
