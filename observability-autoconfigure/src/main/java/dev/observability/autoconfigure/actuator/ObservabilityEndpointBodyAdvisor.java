package dev.observability.autoconfigure.actuator;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.actuate.endpoint.EndpointId;
import org.springframework.boot.actuate.endpoint.InvocationContext;
import org.springframework.boot.actuate.endpoint.OperationArgumentResolver;
import org.springframework.boot.actuate.endpoint.OperationType;
import org.springframework.boot.actuate.endpoint.SecurityContext;
import org.springframework.boot.actuate.endpoint.invoke.OperationInvoker;
import org.springframework.boot.actuate.endpoint.invoke.OperationInvokerAdvisor;
import org.springframework.boot.actuate.endpoint.invoke.OperationParameters;

/**
 * Hands the {@code observability} endpoint's write operations the whole request body as one argument,
 * {@value #BODY}. Boot's endpoints bind each key of the body to the parameter of the same name, which cannot read
 * the settings' kebab-case names ({@code circuit-breaker}) or refuse a key no parameter has; this advisor, applied by
 * Boot to the endpoint's operations like its own caching advisor, keeps the selector ({@code name}) and gives the
 * rest of the arguments to the operation as a map. Reads are left as they are. Boot merges the path's variables, the
 * body's keys and the query's parameters into these arguments, later ones winning; over the web, it is
 * {@code ObservabilityEndpointRequestBodyAdvice} that makes the selector the path's, refusing a query and a body that
 * names another adapter.
 */
public final class ObservabilityEndpointBodyAdvisor implements OperationInvokerAdvisor {

    /** The argument that holds the body. */
    static final String BODY = "body";

    private static final EndpointId ENDPOINT = EndpointId.of(ObservabilityEndpoint.ID);

    @Override
    public OperationInvoker apply(EndpointId endpointId, OperationType operationType, OperationParameters parameters,
            OperationInvoker invoker) {
        if (!ENDPOINT.equals(endpointId) || operationType != OperationType.WRITE) {
            return invoker;
        }
        boolean selected = parameters.stream()
            .anyMatch((parameter) -> parameter.getName().equals(ObservabilityEndpoint.NAME));
        return (context) -> invoker.invoke(withBody(context, selected));
    }

    private static InvocationContext withBody(InvocationContext context, boolean selected) {
        Map<String, Object> body = new LinkedHashMap<>(context.getArguments());
        Map<String, Object> arguments = new HashMap<>();
        if (selected) {
            Object name = body.remove(ObservabilityEndpoint.NAME);
            if (name != null) {
                arguments.put(ObservabilityEndpoint.NAME, name);
            }
        }
        arguments.put(BODY, body);
        SecurityContext security = context.resolveArgument(SecurityContext.class);
        return new InvocationContext((security != null) ? security : SecurityContext.NONE, arguments,
                new Delegating(context));
    }

    /** Resolves the arguments the original context resolves by type (the web server's namespace, ...). */
    private record Delegating(InvocationContext context) implements OperationArgumentResolver {

        @Override
        public boolean canResolve(Class<?> type) {
            return this.context.canResolve(type);
        }

        @Override
        public <T> @Nullable T resolve(Class<T> type) {
            return this.context.resolveArgument(type);
        }
    }
}
