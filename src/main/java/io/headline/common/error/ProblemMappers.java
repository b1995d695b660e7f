package io.headline.common.error;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.headline.common.HeadlineConfig;
import io.headline.common.RequestId;
import io.headline.common.json.RefusedValueException;
import io.quarkus.narayana.jta.QuarkusTransactionException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.persistence.LockTimeoutException;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PessimisticLockException;
import jakarta.transaction.RollbackException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;
import org.hibernate.StaleStateException;
import org.hibernate.exception.LockAcquisitionException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** The one place where exceptions become application/problem+json responses. */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);
    private static final Pattern LIBRARY_ADVICE = Pattern.compile(
            "\\s*(:\\s*enable\\b|\\((not recognized|start marker|through|for)\\b|\\(?`).*$", Pattern.DOTALL);
    /** Why a token may fail where a newcomer expects it to work: the server was started without its admin token. */
    static final String NO_ADMIN_TOKEN = " This server was started without HEADLINE_ADMIN_TOKEN, so it has no admin "
            + "token: to write, restart it with HEADLINE_ADMIN_TOKEN=<a long random secret> and send that secret as "
            + "'Authorization: Bearer <secret>'.";

    private final boolean adminTokenSet;

    public ProblemMappers(HeadlineConfig config) {
        this.adminTokenSet = config.adminToken().filter(token -> !token.isBlank()).isPresent();
    }

    /** A caller refused for want of rights is asked for a token when it sent none (401), else refused (403). */
    @ServerExceptionMapper
    public Response problem(ProblemException e, UriInfo uri, HttpHeaders headers) {
        ProblemType type = e.type() == ProblemType.FORBIDDEN && headers.getHeaderString(HttpHeaders.AUTHORIZATION) == null
                ? ProblemType.UNAUTHORIZED : e.type();
        Response problem = respond(type, e.getMessage(), e.errors(), uri);
        if (e.retryAfterSeconds() != null) {
            return Response.fromResponse(problem).header(HttpHeaders.RETRY_AFTER, e.retryAfterSeconds()).build();
        }
        return type == ProblemType.UNAUTHORIZED ? challenge(problem) : problem;
    }

    @ServerExceptionMapper
    public Response validation(ConstraintViolationException e, UriInfo uri) {
        List<Problem.FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new Problem.FieldError(fieldOf(v), v.getMessage()))
                .sorted(Comparator.comparing(Problem.FieldError::field).thenComparing(Problem.FieldError::message))
                .toList();
        return respond(ProblemType.VALIDATION, "The request body has " + errors.size() + " invalid field(s).", errors, uri);
    }

    @ServerExceptionMapper
    public Response malformedJson(JsonParseException e, UriInfo uri) {
        return malformed(e, withoutLibraryAdvice(e.getOriginalMessage()), uri);
    }

    private static Response malformed(JsonProcessingException e, String what, UriInfo uri) {
        JsonLocation at = e.getLocation();
        String where = at == null || at.getLineNr() < 1 ? ""
                : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
        return respond(ProblemType.MALFORMED_JSON, "The request body is not well-formed JSON" + where + ": " + what
                + (what.endsWith("?") ? "" : "."),
                List.of(), uri);
    }

    @ServerExceptionMapper
    public Response unknownProperty(UnrecognizedPropertyException e, UriInfo uri) {
        return respond(ProblemType.BAD_REQUEST, "The request body has a property this resource does not accept.",
                List.of(new Problem.FieldError(pathOf(e), "unknown property; allowed: " + e.getKnownPropertyIds())), uri);
    }

    @ServerExceptionMapper({JsonMappingException.class, MismatchedInputException.class})
    public Response mismatchedJson(JsonMappingException e, UriInfo uri, HttpHeaders headers) {
        // A problem raised while the body is read (one too large, say) reaches here wrapped by Jackson.
        if (e.getCause() instanceof ProblemException cause) {
            return problem(cause, uri, headers);
        }
        if (e instanceof RefusedValueException refused) {
            String field = pathOf(e);
            return respond(ProblemType.VALIDATION, "The request body has 1 invalid field(s).",
                    List.of(new Problem.FieldError(field.isEmpty() ? "$" : field, refused.reason())), uri);
        }
        // Jackson has no type of its own for this one (DeserializationFeature.FAIL_ON_TRAILING_TOKENS), only a message.
        if (e.getOriginalMessage() != null && e.getOriginalMessage().startsWith("Trailing token")) {
            return malformed(e, "more content follows the JSON value", uri);
        }
        String field = pathOf(e);
        return respond(ProblemType.BAD_REQUEST, "The request body does not have the expected shape.",
                List.of(new Problem.FieldError(field.isEmpty() ? "$" : field, "has the wrong type or format")), uri);
    }

    @ServerExceptionMapper
    public Response json(JsonProcessingException e, UriInfo uri) {
        return respond(ProblemType.MALFORMED_JSON, "The request body could not be read as JSON.", List.of(), uri);
    }

    @ServerExceptionMapper({AuthenticationFailedException.class, UnauthorizedException.class})
    public Response unauthorized(UriInfo uri, HttpHeaders headers) {
        String detail = headers.getHeaderString(HttpHeaders.AUTHORIZATION) == null
                ? "This operation needs an API token: send 'Authorization: Bearer <token>'."
                : adminTokenSet ? "The API token is not valid." : "The API token is not valid." + NO_ADMIN_TOKEN;
        return challenge(respond(ProblemType.UNAUTHORIZED, detail, List.of(), uri));
    }

    private static Response challenge(Response problem) {
        return Response.fromResponse(problem).header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"headline\"").build();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return respond(ProblemType.FORBIDDEN, "This API token may not perform this operation.", List.of(), uri);
    }

    /** A version check that failed, or a lock wait that gave up: either way another write got there first. */
    @ServerExceptionMapper({OptimisticLockException.class, StaleStateException.class, PessimisticLockException.class,
            LockTimeoutException.class, org.hibernate.PessimisticLockException.class, LockAcquisitionException.class})
    public Response concurrentChange(UriInfo uri) {
        return respond(ProblemType.CONFLICT, "The resource was changed by another request at the same time; retry.",
                List.of(), uri);
    }

    @ServerExceptionMapper
    public Response constraint(org.hibernate.exception.ConstraintViolationException e, UriInfo uri) {
        return respond(ProblemType.CONFLICT, "The change conflicts with existing content (a duplicate or a reference in use).",
                List.of(), uri);
    }

    /**
     * A constraint the database checks only at commit: services flush where a violation can occur, so this is the
     * backstop that keeps a race a 409 rather than a 500.
     */
    @ServerExceptionMapper({RollbackException.class, QuarkusTransactionException.class})
    public Response rollback(Exception e, UriInfo uri) {
        for (Throwable cause = e.getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
            if (cause instanceof org.hibernate.exception.ConstraintViolationException violation) {
                return constraint(violation, uri);
            }
        }
        return unexpected(e, uri);
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, UriInfo uri, HttpHeaders headers) {
        if (e.getCause() instanceof JsonParseException parse) {
            return malformedJson(parse, uri);
        }
        if (e.getCause() instanceof UnrecognizedPropertyException unknown) {
            return unknownProperty(unknown, uri);
        }
        if (e.getCause() instanceof JsonMappingException mismatch) {
            return mismatchedJson(mismatch, uri, headers);
        }
        int status = e.getResponse().getStatus();
        Response problem = respond(ProblemType.forStatus(status), detailOf(e, uri), List.of(), uri);
        if (e instanceof NotAllowedException) {
            return Response.fromResponse(problem).allow(e.getResponse().getAllowedMethods()).build();
        }
        return problem;
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e, UriInfo uri) {
        LOG.error("Unexpected failure on " + uri.getPath(), e);
        return respond(ProblemType.INTERNAL, "An unexpected error occurred; it has been logged.", List.of(), uri);
    }

    static Response respond(ProblemType type, String detail, List<Problem.FieldError> errors, UriInfo uri) {
        Problem body = new Problem(type.type(), type.title(), type.status(), detail, uri.getPath(), errors,
                RequestId.current());
        return Response.status(type.status()).type(Problem.MEDIA_TYPE).entity(body).build();
    }

    private static String detailOf(WebApplicationException e, UriInfo uri) {
        if (e instanceof NotFoundException) {
            return "There is nothing at " + uri.getPath() + ".";
        }
        if (e instanceof NotSupportedException) {
            return "This content type is not supported here; send application/json.";
        }
        if (e instanceof NotAllowedException) {
            return "This method is not allowed on " + uri.getPath() + ".";
        }
        return e.getResponse().getStatusInfo().getReasonPhrase();
    }

    /** The property path of a violation, without the method and parameter names of the resource method. */
    public static String fieldOf(ConstraintViolation<?> violation) {
        StringBuilder field = new StringBuilder();
        for (Path.Node node : violation.getPropertyPath()) {
            if (node.getKind() == ElementKind.METHOD || node.getKind() == ElementKind.PARAMETER
                    || node.getKind() == ElementKind.CONSTRUCTOR) {
                continue;
            }
            if (node.getIndex() != null && node.getKind() == ElementKind.CONTAINER_ELEMENT) {
                field.append('[').append(node.getIndex()).append(']');
                continue;
            }
            if (!field.isEmpty()) {
                field.append('.');
            }
            field.append(node.getName());
            if (node.getIndex() != null) {
                field.append('[').append(node.getIndex()).append(']');
            }
        }
        return field.isEmpty() ? "$" : field.toString();
    }

    /**
     * Jackson's description of a syntax error, without the advice it appends about its own switches ("enable
     * `JsonReadFeature.ALLOW_...`"), which a client cannot act on; a message that still names one is replaced.
     */
    public static String withoutLibraryAdvice(String message) {
        String described = message == null ? "" : LIBRARY_ADVICE.matcher(message).replaceFirst("").strip();
        return described.isEmpty() || described.contains("Feature") || described.contains("`")
                ? "unexpected content" : described;
    }

    public static String pathOf(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            } else if (ref.getFieldName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(ref.getFieldName());
            }
        }
        return path.toString();
    }
}
