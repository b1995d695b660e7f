package io.headline.webhook;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Webhook", description = "A registered endpoint, without its secret (only its creation returns that, once).")
public record WebhookView(
        @Schema(required = true) UUID id,
        @Schema(required = true, examples = "https://partner.example.com/hooks/headline") String url,
        @Schema(required = true, examples = "[\"article.published\", \"article.deleted\"]") List<String> events,
        @Schema(required = true) boolean active,
        @Schema(description = "Why Headline switched the hook off (the receiver answered 410 Gone), if it did.",
                examples = "The receiver answered 410 Gone.") String disabledReason,
        @Schema(required = true) Instant createdAt,
        @Schema(required = true) Instant updatedAt,
        @Schema(description = "The signing secret. Returned once, at creation.",
                examples = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw") String secret) {
}
