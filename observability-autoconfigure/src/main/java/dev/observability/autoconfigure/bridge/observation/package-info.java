/**
 * The Observation bridge: an observation handler that hands each stopped Observation (Boot's HTTP server and client
 * spans) as a span to the tracing adapters that do not receive Observations by themselves.
 */
@NullMarked
package dev.observability.autoconfigure.bridge.observation;

import org.jspecify.annotations.NullMarked;
