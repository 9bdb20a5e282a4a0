package dev.observability.sample.orders;

import org.jspecify.annotations.Nullable;

/**
 * The body of {@code POST /orders}.
 *
 * @param quantity how many, from 1 to {@value #MAX_QUANTITY}
 * @param region where it ships to; {@code "eu"} when absent
 */
public record OrderRequest(@Nullable String item, int quantity, @Nullable String region) {

    /** The most items one order may hold. */
    public static final int MAX_QUANTITY = 1000;

    /** @return why the request cannot be placed, or {@code null} when it can */
    @Nullable String problem() {
        if (this.item == null || this.item.isBlank()) {
            return "item is missing";
        }
        if (this.quantity < 1 || this.quantity > MAX_QUANTITY) {
            return "quantity must be from 1 to " + MAX_QUANTITY;
        }
        return null;
    }

    /** @return the region, {@code "eu"} when absent */
    String regionOrDefault() {
        return (this.region == null || this.region.isBlank()) ? "eu" : this.region;
    }
}
