package io.headline.common.error;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An RFC 9457 problem detail: the body of every error response. */
@Schema(name = "Problem", description = "An error, as RFC 9457 problem details (media type application/problem+json).")
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(
        @Schema(description = "A URI reference that names the kind of problem.", examples = "/problems/not-found", required = true)
        String type,
        @Schema(description = "A short summary of the kind of problem.", examples = "Not Found", required = true)
        String title,
        @Schema(description = "The HTTP status code.", examples = "404", required = true)
        int status,
        @Schema(description = "What went wrong in this occurrence, for a human reader.",
                examples = "No article with id or slug 'missing'.")
        String detail,
        @Schema(description = "The request path this problem occurred on.", examples = "/api/v1/articles/missing")
        String instance,
        @Schema(description = "For validation problems: each offending field and what is wrong with it.")
        List<FieldError> errors,
        @Schema(description = "The id of the request, as in its X-Request-Id response header: quote it when reporting "
                + "the problem (it finds the request in the server's logs).",
                examples = "0b6f3c52-8d0e-4a51-9d33-2f4a7c1e9b10")
        String requestId) {

    public static final String MEDIA_TYPE = "application/problem+json";

    @Schema(name = "FieldError", description = "One invalid field of a request.")
    public record FieldError(
            @Schema(description = "The field, as a JSON path from the request body root or a query parameter name.",
                    examples = "authors[0]", required = true)
            String field,
            @Schema(description = "What is wrong with it.", examples = "must not be blank", required = true)
            String message) {
    }
}
