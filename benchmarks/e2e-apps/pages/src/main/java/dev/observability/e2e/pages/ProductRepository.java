package dev.observability.e2e.pages;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

/**
 * The catalogue's products.
 */
interface ProductRepository extends JpaRepository<Product, Long> {

    List<Product> findAllByOrderByNameAsc();
}
