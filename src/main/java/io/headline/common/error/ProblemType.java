package io.headline.common.error;

import jakarta.ws.rs.core.Response.Status;

/** The kinds of problem Headline reports, each with its status and type URI. */
public enum ProblemType {
    BAD_REQUEST(Status.BAD_REQUEST, "bad-request", "Bad Request"),
    MALFORMED_JSON(Status.BAD_REQUEST, "malformed-json", "Malformed JSON"),
    INVALID_PARAMETER(Status.BAD_REQUEST, "invalid-parameter", "Invalid Query Parameter"),
    UNAUTHORIZED(Status.UNAUTHORIZED, "unauthorized", "Unauthorized"),
    FORBIDDEN(Status.FORBIDDEN, "forbidden", "Forbidden"),
    NOT_FOUND(Status.NOT_FOUND, "not-found", "Not Found"),
    METHOD_NOT_ALLOWED(Status.METHOD_NOT_ALLOWED, "method-not-allowed", "Method Not Allowed"),
    NOT_ACCEPTABLE(Status.NOT_ACCEPTABLE, "not-acceptable", "Not Acceptable"),
    CONFLICT(Status.CONFLICT, "conflict", "Conflict"),
    PRECONDITION_FAILED(Status.PRECONDITION_FAILED, "precondition-failed", "Precondition Failed"),
    TOO_LARGE(Status.REQUEST_ENTITY_TOO_LARGE, "too-large", "Content Too Large"),
    URI_TOO_LONG(Status.REQUEST_URI_TOO_LONG, "uri-too-long", "URI Too Long"),
    UNSUPPORTED_MEDIA_TYPE(Status.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type", "Unsupported Media Type"),
    VALIDATION(422, "validation-failed", "Validation Failed"),
    TOO_MANY_REQUESTS(Status.TOO_MANY_REQUESTS, "too-many-requests", "Too Many Requests"),
    HEADERS_TOO_LARGE(Status.REQUEST_HEADER_FIELDS_TOO_LARGE, "headers-too-large", "Request Header Fields Too Large"),
    INTERNAL(Status.INTERNAL_SERVER_ERROR, "internal-error", "Internal Server Error"),
    UNAVAILABLE(Status.SERVICE_UNAVAILABLE, "unavailable", "Service Unavailable");

    private final int status;
    private final String type;
    private final String title;

    ProblemType(Status status, String slug, String title) {
        this(status.getStatusCode(), slug, title);
    }

    ProblemType(int status, String slug, String title) {
        this.status = status;
        this.type = "/problems/" + slug;
        this.title = title;
    }

    public int status() {
        return status;
    }

    public String type() {
        return type;
    }

    public String title() {
        return title;
    }

    /** The problem type that answers an HTTP status raised by the framework itself. */
    public static ProblemType forStatus(int status) {
        for (ProblemType t : values()) {
            if (t.status == status && t != MALFORMED_JSON && t != INVALID_PARAMETER) {
                return t;
            }
        }
        return status >= 500 ? INTERNAL : BAD_REQUEST;
    }
}
