package io.headline.common.validation;

import io.headline.common.error.Problem;
import io.headline.common.error.ProblemException;
import io.headline.common.error.ProblemType;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Map;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Path and query parameters (decoded) must be {@link StorableText} too: they end up compared with stored text, and
 * PostgreSQL fails on a NUL in a query's parameters where H2 does not. A 400 naming the parameter either way.
 */
public class StorableParameters {

    @ServerRequestFilter
    public void refuseUnstorable(ContainerRequestContext request) {
        UriInfo uri = request.getUriInfo();
        check(uri.getPathParameters(), ProblemType.BAD_REQUEST, "Path parameter");
        check(uri.getQueryParameters(), ProblemType.INVALID_PARAMETER, "Query parameter");
    }

    private static void check(MultivaluedMap<String, String> parameters, ProblemType type, String kind) {
        for (Map.Entry<String, List<String>> parameter : parameters.entrySet()) {
            if (!parameter.getValue().stream().allMatch(StorableText::isStorable)) {
                String name = parameter.getKey();
                throw new ProblemException(type, kind + " '" + name + "' " + StorableText.RULE
                        + ".", List.of(new Problem.FieldError(name, StorableText.RULE)));
            }
        }
    }
}
