package dev.observability.e2e.orders;

/**
 * A placed order.
 *
 * @param id the order's id
 * @param item what was ordered
 * @param quantity how many
 * @param region where it ships to
 */
public record Order(String id, String item, int quantity, String region) {
}
