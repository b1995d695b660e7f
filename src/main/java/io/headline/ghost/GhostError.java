package io.headline.ghost;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.UUID;

/**
 * Ghost's error body, {@code {"errors": [{"message", "context", "type", ...}]}}: what @tryghost/content-api turns
 * into the error it throws (its name is the type, its message the message). Members Ghost sends as null are sent.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
record GhostError(List<Item> errors) {

    @JsonInclude(JsonInclude.Include.ALWAYS)
    record Item(String message, String context, String type, String details, String property, String help, String code,
            String id, String ghostErrorCode) {
    }

    static GhostError of(String type, String message, String context) {
        return new GhostError(List.of(new Item(message, context, type, null, null, null, null, UUID.randomUUID().toString(),
                null)));
    }

    /** Ghost's error type for a status. */
    static String typeOf(int status) {
        return switch (status) {
            case 400 -> "BadRequestError";
            case 401 -> "UnauthorizedError";
            case 403 -> "NoPermissionError";
            case 404 -> "NotFoundError";
            case 405 -> "MethodNotAllowedError";
            case 406 -> "RequestNotAcceptableError";
            case 413 -> "RequestEntityTooLargeError";
            case 415 -> "UnsupportedMediaTypeError";
            case 422 -> "ValidationError";
            case 429 -> "TooManyRequestsError";
            case 503 -> "ServiceUnavailableError";
            default -> status >= 500 ? "InternalServerError" : "BadRequestError";
        };
    }
}
