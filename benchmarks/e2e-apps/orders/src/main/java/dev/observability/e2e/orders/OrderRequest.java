package dev.observability.e2e.orders;

import org.jspecify.annotations.Nullable;

/**
 * The body of {@code POST /orders}.
 *
 * @param item what is ordered
 * @param quantity how many
 * @param region where it ships to; {@code "eu"} when absent
 */
public record OrderRequest(String item, int quantity, @Nullable String region) {

    /** @return the region, {@code "eu"} when absent */
    String regionOrEu() {
        return (this.region != null) ? this.region : "eu";
    }
}
