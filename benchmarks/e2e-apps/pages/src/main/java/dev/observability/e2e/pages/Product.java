package dev.observability.e2e.pages;

import java.math.BigDecimal;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import org.jspecify.annotations.Nullable;

/**
 * A product of the catalogue.
 */
@Entity
public class Product {

    @Id
    @GeneratedValue
    private @Nullable Long id;

    private String name = "";

    private BigDecimal price = BigDecimal.ZERO;

    protected Product() {
    }

    Product(String name, BigDecimal price) {
        this.name = name;
        this.price = price;
    }

    /** @return the product's name */
    public String getName() {
        return this.name;
    }

    /** @return the product's price */
    public BigDecimal getPrice() {
        return this.price;
    }
}
