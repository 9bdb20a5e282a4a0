package dev.observability.autoconfigure.actuator;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Type;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.endpoint.EndpointId;
import org.springframework.boot.actuate.endpoint.web.EndpointMapping;
import org.springframework.boot.actuate.endpoint.web.ExposableWebEndpoint;
import org.springframework.boot.actuate.endpoint.web.PathMappedEndpoints;
import org.springframework.boot.actuate.endpoint.web.WebEndpointHttpMethod;
import org.springframework.boot.actuate.endpoint.web.WebOperationRequestPredicate;
import org.springframework.core.MethodParameter;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.util.StringUtils;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.mvc.method.annotation.RequestBodyAdvice;

/**
 * Reads the request of a write to the {@code observability} endpoint over Spring MVC before Boot's web endpoint does,
 * so that the write changes the adapter in its path and no other, takes its settings from the JSON body only, and
 * says why in one line when it refuses. Boot merges the path's variables, the body's keys and the query's parameters
 * into one set of arguments, later ones winning, and reads the body as one flat object of text values. This advice,
 * which Spring MVC applies to the body of the endpoint's write operations only (the paths Boot maps them to), refuses
 * a query string, a body that is not one JSON object ({@link JsonBody}: none, {@code null}, an array, malformed JSON,
 * too large) and a {@code name} other than the path's; it hands Boot the body's settings by their flat names
 * ({@link FlatBody}), so that the YAML's nesting reads as the flat names do. A refused request is answered 400 with a
 * one-line {@code message}, as the endpoint answers a refused setting.
 */
@ControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
final class ObservabilityEndpointRequestBodyAdvice implements RequestBodyAdvice {

    private static final EndpointId ENDPOINT = EndpointId.of(ObservabilityEndpoint.ID);

    private final ObjectProvider<PathMappedEndpoints> endpoints;

    /** @param endpoints the web endpoints by path, from which the write operations' paths are read */
    ObservabilityEndpointRequestBodyAdvice(ObjectProvider<PathMappedEndpoints> endpoints) {
        this.endpoints = endpoints;
    }

    @Override
    public boolean supports(MethodParameter parameter, Type targetType,
            Class<? extends HttpMessageConverter<?>> converterType) {
        return currentWrite() != null;
    }

    @Override
    public HttpInputMessage beforeBodyRead(HttpInputMessage message, MethodParameter parameter, Type targetType,
            Class<? extends HttpMessageConverter<?>> converterType) throws IOException {
        HttpServletRequest request = Objects.requireNonNull(currentWrite(), "a write to the endpoint");
        refuseAQuery(request);
        try {
            Map<String, @Nullable Object> body = JsonBody.read(message.getBody());
            refuseAnotherName(request, body);
            return new Flat(message.getHeaders(), JsonBody.write(FlatBody.of(body)));
        }
        catch (IllegalArgumentException ex) {
            throw new Refused(ex.getMessage());
        }
    }

    @Override
    public Object afterBodyRead(Object body, HttpInputMessage message, MethodParameter parameter, Type targetType,
            Class<? extends HttpMessageConverter<?>> converterType) {
        return body;
    }

    @Override
    public @Nullable Object handleEmptyBody(@Nullable Object body, HttpInputMessage message,
            MethodParameter parameter, Type targetType, Class<? extends HttpMessageConverter<?>> converterType) {
        refuseAQuery(Objects.requireNonNull(currentWrite(), "a write to the endpoint"));
        throw new Refused(SettingsBody.notAnObject("empty"));
    }

    /**
     * @param refused a refused write
     * @return 400 with the reason in {@code message}
     */
    @ExceptionHandler
    ResponseEntity<Map<String, String>> refused(Refused refused) {
        return ResponseEntity.badRequest().body(Map.of("message", OneLine.of(refused.getMessage())));
    }

    private @Nullable HttpServletRequest currentWrite() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            HttpServletRequest request = attributes.getRequest();
            if (HttpMethod.POST.matches(request.getMethod())
                    && writePaths().contains(request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE))) {
                return request;
            }
        }
        return null;
    }

    /** @return the path patterns Boot maps the endpoint's write operations to, none when it has no write */
    private Set<String> writePaths() {
        PathMappedEndpoints endpoints = this.endpoints.getIfAvailable();
        if (endpoints == null || !(endpoints.getEndpoint(ENDPOINT) instanceof ExposableWebEndpoint endpoint)) {
            return Set.of();
        }
        EndpointMapping mapping = new EndpointMapping(endpoints.getBasePath());
        return endpoint.getOperations()
            .stream()
            .map((operation) -> operation.getRequestPredicate())
            .filter((predicate) -> predicate.getHttpMethod() == WebEndpointHttpMethod.POST)
            .map(WebOperationRequestPredicate::getPath)
            .map(mapping::createSubPath)
            .collect(Collectors.toSet());
    }

    private static void refuseAQuery(HttpServletRequest request) {
        if (StringUtils.hasLength(request.getQueryString())) {
            throw new Refused("a write takes its settings from the JSON body only, not from the query string");
        }
    }

    /** Refuses a body that names an adapter other than the path's; the path's own name is left to the path. */
    private static void refuseAnotherName(HttpServletRequest request, Map<String, @Nullable Object> body) {
        if (!body.containsKey(ObservabilityEndpoint.NAME)) {
            return;
        }
        Object named = body.remove(ObservabilityEndpoint.NAME);
        Object path = pathVariables(request).get(ObservabilityEndpoint.NAME);
        if (path == null || !path.equals(named)) {
            throw new Refused("the body names adapter '" + OneLine.cut(named) + "' but the path "
                    + ((path != null) ? "'" + OneLine.cut(path) + "'" : "none")
                    + ": a write changes the adapter in its path only");
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> pathVariables(HttpServletRequest request) {
        Object variables = request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
        return (variables instanceof Map<?, ?>) ? (Map<String, String>) variables : Map.of();
    }

    /** The body handed to Boot: the settings by their flat names, with the request's headers. */
    private static final class Flat implements HttpInputMessage {

        private final HttpHeaders headers;

        private final byte[] body;

        Flat(HttpHeaders headers, byte[] body) {
            this.headers = HttpHeaders.copyOf(headers);
            this.headers.setContentLength(body.length);
            this.body = body;
        }

        @Override
        public InputStream getBody() {
            return new ByteArrayInputStream(this.body);
        }

        @Override
        public HttpHeaders getHeaders() {
            return this.headers;
        }
    }

    /** A write refused before Boot reads it, with the reason. */
    static final class Refused extends RuntimeException {

        private static final long serialVersionUID = 1L;

        Refused(@Nullable String reason) {
            super(reason, null, false, false);
        }
    }
}
