package io.headline.ghost;

/**
 * An error the Ghost Content API answers in Ghost's shape ({@link GhostError}): its status, Ghost's error type
 * (NotFoundError, BadRequestError, ...), a message and, where it helps, a context that says what to do instead.
 */
class GhostException extends RuntimeException {

    private final int status;
    private final String type;
    private final String context;

    GhostException(int status, String type, String message, String context) {
        super(message);
        this.status = status;
        this.type = type;
        this.context = context;
    }

    static GhostException notFound(String resource) {
        return new GhostException(404, "NotFoundError", resource + " not found.", null);
    }

    static GhostException badFilter(String context) {
        return new GhostException(400, "BadRequestError", "Error parsing filter", context);
    }

    /** A query parameter outside what is allowed: Ghost's validation error. */
    static GhostException invalid(String parameter, String context) {
        return new GhostException(422, "ValidationError", "Validation error, cannot read " + parameter + ".", context);
    }

    int status() {
        return status;
    }

    GhostError body() {
        return GhostError.of(type, getMessage(), context);
    }
}
