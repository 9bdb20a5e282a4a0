package dev.observability.sample.orders;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * The failure {@code POST /orders/fail} raises on purpose: answered with 502 Bad Gateway.
 */
@ResponseStatus(value = HttpStatus.BAD_GATEWAY, reason = "payment service unavailable")
class PaymentFailedException extends RuntimeException {

    PaymentFailedException(String message) {
        super(message);
    }
}
