package io.headline.common.error;

import java.util.List;

/** A failure a client caused, reported as problem+json by {@link ProblemMappers}. */
public class ProblemException extends RuntimeException {

    private final ProblemType type;
    private final List<Problem.FieldError> errors;
    private final Integer retryAfterSeconds;

    public ProblemException(ProblemType type, String detail) {
        this(type, detail, List.of());
    }

    public ProblemException(ProblemType type, String detail, List<Problem.FieldError> errors) {
        this(type, detail, errors, null);
    }

    private ProblemException(ProblemType type, String detail, List<Problem.FieldError> errors, Integer retryAfterSeconds) {
        super(detail, null, false, false);
        this.type = type;
        this.errors = List.copyOf(errors);
        this.retryAfterSeconds = retryAfterSeconds;
    }

    /** The server is busy with this kind of request; the client may retry after a while (Retry-After). */
    public static ProblemException unavailable(String detail, int retryAfterSeconds) {
        return new ProblemException(ProblemType.UNAVAILABLE, detail, List.of(), retryAfterSeconds);
    }

    public static ProblemException notFound(String kind, String idOrSlug) {
        return new ProblemException(ProblemType.NOT_FOUND, "No " + kind + " with id or slug '" + idOrSlug + "'.");
    }

    public static ProblemException conflict(String detail) {
        return new ProblemException(ProblemType.CONFLICT, detail);
    }

    public static ProblemException invalidField(String field, String message) {
        return new ProblemException(ProblemType.VALIDATION, "The request has an invalid field.",
                List.of(new Problem.FieldError(field, message)));
    }

    public static ProblemException invalidParameter(String name, String message) {
        return new ProblemException(ProblemType.INVALID_PARAMETER, "Query parameter '" + name + "' " + message + ".",
                List.of(new Problem.FieldError(name, message)));
    }

    public ProblemType type() {
        return type;
    }

    public List<Problem.FieldError> errors() {
        return errors;
    }

    /** Seconds after which the client may retry (a Retry-After header), or null. */
    public Integer retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
