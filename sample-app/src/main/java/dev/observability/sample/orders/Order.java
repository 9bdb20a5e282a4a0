package dev.observability.sample.orders;

import java.time.Instant;

/**
 * A placed order.
 *
 * @param region where it ships to
 */
public record Order(String id, String item, int quantity, String region, Instant placedAt) {
}
