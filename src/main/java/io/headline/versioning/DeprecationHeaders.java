package io.headline.versioning;

import io.headline.common.HttpDate;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ResourceInfo;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Announces deprecation on the wire. A resource method marked {@code @Deprecated(since = "YYYY-MM-DD")} answers every
 * request with {@code Deprecation} (RFC 9745: {@code @} and the Unix time of that day), and with {@code Sunset}
 * (RFC 8594: the HTTP date after which it may stop working) once {@link DeprecationConfig#sunset()} names its end. A
 * query parameter so marked does the same for the requests that use it. SmallRye marks both {@code deprecated} in
 * the contract; the path keeps the major version, and a removal waits for the next one or for the sunset.
 */
public class DeprecationHeaders {

    public static final String DEPRECATION = "Deprecation";
    public static final String SUNSET = "Sunset";

    /** A deprecated thing: the day it was deprecated, and the key of its sunset in the configuration. */
    record Notice(LocalDate since, String sunsetKey, String parameter) {
    }

    private final Map<Method, List<Notice>> notices = new ConcurrentHashMap<>();
    private final DeprecationConfig config;

    public DeprecationHeaders(DeprecationConfig config) {
        this.config = config;
    }

    @ServerResponseFilter
    public void announce(ContainerRequestContext request, ContainerResponseContext response, ResourceInfo resource) {
        Method method = resource.getResourceMethod();
        if (method == null) {
            return;
        }
        for (Notice notice : notices.computeIfAbsent(method, DeprecationHeaders::noticesOf)) {
            if (notice.parameter() == null || request.getUriInfo().getQueryParameters().containsKey(notice.parameter())) {
                response.getHeaders().putSingle(DEPRECATION, "@" + notice.since().atStartOfDay(ZoneOffset.UTC).toEpochSecond());
                Optional.ofNullable(config.sunset().get(notice.sunsetKey())).ifPresent(day -> response.getHeaders()
                        .putSingle(SUNSET, HttpDate.format(day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant())));
                return;
            }
        }
    }

    /** The method's own deprecation, then that of each deprecated query parameter it declares. */
    static List<Notice> noticesOf(Method method) {
        String operationId = Optional.ofNullable(method.getAnnotation(Operation.class)).map(Operation::operationId)
                .filter(id -> !id.isEmpty()).orElse(method.getName());
        List<Notice> found = new ArrayList<>();
        since(method).ifPresent(day -> found.add(new Notice(day, operationId, null)));
        for (Parameter parameter : method.getParameters()) {
            query(parameter, operationId, found);
            if (parameter.isAnnotationPresent(BeanParam.class)) {
                for (Class<?> type = parameter.getType(); type != Object.class; type = type.getSuperclass()) {
                    for (Field field : type.getDeclaredFields()) {
                        query(field, operationId, found);
                    }
                }
            }
        }
        return List.copyOf(found);
    }

    private static void query(AnnotatedElement element, String operationId, List<Notice> found) {
        QueryParam query = element.getAnnotation(QueryParam.class);
        if (query != null) {
            since(element).ifPresent(day -> found.add(new Notice(day, operationId + "." + query.value(), query.value())));
        }
    }

    private static Optional<LocalDate> since(AnnotatedElement element) {
        Deprecated deprecated = element.getAnnotation(Deprecated.class);
        if (deprecated == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.parse(deprecated.since()));
        } catch (DateTimeParseException e) {
            throw new IllegalStateException(element + " is @Deprecated without since = \"YYYY-MM-DD\", the day that "
                    + "its Deprecation header announces", e);
        }
    }
}
