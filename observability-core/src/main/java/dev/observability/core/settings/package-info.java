/**
 * Settings defined once: a {@link dev.observability.core.settings.Setting} names a setting, the values it accepts
 * (its {@link dev.observability.core.settings.Range}: a least and a greatest value, for a number or a duration) and
 * where it is in its settings record; a {@link dev.observability.core.settings.SettingsChange} changes some of them
 * at runtime, all or nothing.
 */
@NullMarked
package dev.observability.core.settings;

import org.jspecify.annotations.NullMarked;
