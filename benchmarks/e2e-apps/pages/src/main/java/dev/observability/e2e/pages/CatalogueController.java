package dev.observability.e2e.pages;

import java.math.BigDecimal;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The catalogue page: the products from the repository, rendered by {@code templates/catalogue.html}, one log line
 * per page.
 */
@Controller
class CatalogueController {

    private static final Logger logger = LoggerFactory.getLogger(CatalogueController.class);

    private final ProductRepository products;

    CatalogueController(ProductRepository products) {
        this.products = products;
    }

    @EventListener(ApplicationReadyEvent.class)
    void stockTheCatalogue() {
        for (int i = 1; i <= 12; i++) {
            this.products.save(new Product("Product " + i, BigDecimal.valueOf(i * 250L, 2)));
        }
    }

    @GetMapping("/")
    String catalogue(Model model) {
        List<Product> all = this.products.findAllByOrderByNameAsc();
        model.addAttribute("products", all);
        logger.info("Catalogue rendered with {} products", all.size());
        return "catalogue";
    }
}
