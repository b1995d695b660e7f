package io.headline.webhook;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "WebhookDelivery", description = "One event sent (or to send) to a hook, with every attempt.")
public record DeliveryView(
        @Schema(required = true, description = "Also the `webhook-id` header: the same on every attempt.") UUID id,
        @Schema(required = true, examples = "article.published") String event,
        @Schema(required = true, description = "The change's number in the change feed.") long changeSeq,
        @Schema(required = true, description = "pending (waiting for an attempt), succeeded (a 2xx), failed (the "
                + "hook was switched off first) or dead (retried for the whole retry period).",
                enumeration = {"pending", "succeeded", "failed", "dead"}) String state,
        @Schema(required = true, description = "Attempts since it was last queued (a replay starts again from 0, and "
                + "its backoff from 5 s); `attemptLog` has every one.") int attempts,
        @Schema(description = "When it is tried next, while pending.") Instant nextAttemptAt,
        @Schema(required = true) Instant createdAt,
        @Schema(description = "The body sent, as sent. A list leaves out one over 64 Ki characters (null): the "
                + "delivery's own GET has it.") String payload,
        @Schema(required = true, description = "Every attempt, newest first.") List<AttemptView> attemptLog) {

    /** The states a delivery can be in, as the API names them. */
    static final List<String> STATES = List.of("pending", "succeeded", "failed", "dead");

    @Schema(name = "WebhookAttempt", description = "One try to send a delivery.")
    public record AttemptView(
            @Schema(required = true) Instant at,
            @Schema(description = "The receiver's status, if it answered.", examples = "500") Integer statusCode,
            @Schema(required = true) long durationMs,
            @Schema(description = "The start of the response body, at most 1 KB.") String response,
            @Schema(description = "Why no answer came (timeout, refused connection, refused address).",
                    examples = "timed out after 5000 ms") String error) {
    }
}
