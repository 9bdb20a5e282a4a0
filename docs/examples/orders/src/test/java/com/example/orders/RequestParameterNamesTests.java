package com.example.orders;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatusCode;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * This project compiles without {@code -parameters}, as one without {@code spring-boot-starter-parent} does unless
 * it asks: a request parameter named in its annotation binds, one named only by the Java parameter fails with 500
 * (docs/getting-started.md).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(RequestParameterNamesTests.UnnamedParameterController.class)
class RequestParameterNamesTests {

    @LocalServerPort
    int port;

    @Test
    void aParameterNamedInItsAnnotationBinds() {
        assertThat(post("/orders?region=eu")).isEqualTo(HttpStatusCode.valueOf(200));
    }

    @Test
    void aParameterWithoutANameFailsWithAServerErrorWhenTheCompilerKeepsNoNames() {
        assertThat(post("/unnamed?region=eu")).isEqualTo(HttpStatusCode.valueOf(500));
    }

    private HttpStatusCode post(String uri) {
        return RestClient.create("http://127.0.0.1:" + this.port)
            .post()
            .uri(uri)
            .exchange((request, response) -> response.getStatusCode());
    }

    @RestController
    static class UnnamedParameterController {

        @PostMapping("/unnamed")
        String place(@RequestParam String region) {
            return region;
        }
    }
}
