/**
 * Internal, not for users: the logging signal's recorder ({@code LogRecorder}), which admits, cuts, masks and fans
 * out log events over the lanes, and the bridges from a logging framework it makes. Its types change without notice
 * between releases.
 */
@NullMarked
package dev.observability.core.internal.logging;

import org.jspecify.annotations.NullMarked;
