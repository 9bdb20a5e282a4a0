/**
 * The Logback bridge: an appender that hands the application's log events to the logging adapters that do not
 * receive Logback's events by themselves, each event once, while Boot's own appenders print them.
 */
@NullMarked
package dev.observability.autoconfigure.bridge.logback;

import org.jspecify.annotations.NullMarked;
