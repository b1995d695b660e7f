package io.headline.limits;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.headline.common.RequestId;
import io.headline.common.error.Problem;
import io.headline.common.error.ProblemType;
import io.headline.common.metrics.RouteTemplate;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * Answers with problem+json from a Vert.x route filter, before Quarkus REST (and so its exception mappers) sees
 * the request: the same body {@link io.headline.common.error.ProblemMappers} would send.
 */
@ApplicationScoped
class EarlyProblems {

    private final ObjectMapper mapper;

    EarlyProblems(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    void send(RoutingContext context, ProblemType type, String detail) {
        Problem problem = new Problem(type.type(), type.title(), type.status(), detail, context.normalizedPath(), List.of(),
                RequestId.of(context));
        String body;
        try {
            body = mapper.writeValueAsString(problem);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A problem is always serializable", e);
        }
        RouteTemplate.set(context, RouteTemplate.REFUSED);
        context.response().setStatusCode(type.status())
                .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .end(body);
    }
}
