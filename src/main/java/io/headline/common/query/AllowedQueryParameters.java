package io.headline.common.query;

import io.headline.common.error.Problem;
import io.headline.common.error.ProblemException;
import io.headline.common.error.ProblemType;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Query parameters are allow-listed: an endpoint accepts exactly the ones it declares (with
 * {@code @QueryParam}, directly or in a {@code @BeanParam}), and any other is a 400 naming the allowed ones.
 * A typo such as {@code ?categroy=news} fails loudly instead of silently returning everything.
 */
public class AllowedQueryParameters {

    private final Map<Method, Set<String>> declared = new ConcurrentHashMap<>();

    @ServerRequestFilter
    public void refuseUndeclared(ContainerRequestContext request, ResourceInfo resource) {
        Method method = resource.getResourceMethod();
        if (method == null) {
            return;
        }
        Set<String> allowed = declared.computeIfAbsent(method, AllowedQueryParameters::declaredBy);
        for (String name : request.getUriInfo().getQueryParameters().keySet()) {
            if (!allowed.contains(name)) {
                String message = allowed.isEmpty() ? "is not accepted here; this endpoint takes no query parameters"
                        : "is not accepted here; allowed: " + String.join(", ", allowed);
                throw new ProblemException(ProblemType.INVALID_PARAMETER, "Unknown query parameter '" + name + "'.",
                        List.of(new Problem.FieldError(name, message)));
            }
        }
    }

    private static Set<String> declaredBy(Method method) {
        Set<String> names = new TreeSet<>();
        for (Parameter parameter : method.getParameters()) {
            QueryParam query = parameter.getAnnotation(QueryParam.class);
            if (query != null) {
                names.add(query.value());
            }
            if (parameter.isAnnotationPresent(BeanParam.class)) {
                declaredIn(parameter.getType(), names);
            }
        }
        return names;
    }

    /** The query parameters a bean declares, in its fields and the beans nested in them. */
    private static void declaredIn(Class<?> bean, Set<String> names) {
        for (Class<?> type = bean; type != Object.class; type = type.getSuperclass()) {
            for (Field field : type.getDeclaredFields()) {
                QueryParam fieldQuery = field.getAnnotation(QueryParam.class);
                if (fieldQuery != null) {
                    names.add(fieldQuery.value());
                }
                if (field.isAnnotationPresent(BeanParam.class)) {
                    declaredIn(field.getType(), names);
                }
            }
        }
    }
}
