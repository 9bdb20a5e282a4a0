package dev.observability.sample.orders;

import java.time.Instant;

/**
 * A placed order.
 *
 * @param id the order's id
 * @param item what was ordered
 * @param quantity how many
 * @param region where it ships to
 * @param placedAt when it was placed
 */
public record Order(String id, String item, int quantity, String region, Instant placedAt) {
}
