package io.headline.webhook;

import io.headline.common.validation.HttpUrl;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "WebhookInput", description = "An endpoint to send content events to.")
public record WebhookInput(
        @Schema(description = "Where to POST events: http or https. Addresses on loopback, link-local, private, "
                + "multicast, reserved or unspecified ranges (or tunnelled to them) are refused (422) unless the "
                + "operator allows them.",
                examples = "https://partner.example.com/hooks/headline", required = true)
        @NotNull @HttpUrl
        String url,
        @Schema(description = "The events wanted: article.created, article.updated, article.published, "
                + "article.unpublished, article.scheduled, article.deleted, and author.created, author.updated, "
                + "author.deleted, category.created, category.updated, category.deleted.",
                examples = "[\"article.published\", \"article.updated\", \"article.deleted\"]", required = true)
        @NotEmpty @Size(max = 20)
        List<@NotBlank @Size(max = 40) String> events,
        @Schema(description = "The signing secret, Standard Webhooks form: `whsec_` and base64 of 24 to 64 random bytes. "
                + "Omitted, one is generated and returned once.", examples = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw")
        @Pattern(regexp = "^whsec_[A-Za-z0-9+/]{32,88}={0,2}$", message = "must be whsec_ followed by base64 of 24 to 64 bytes")
        String secret,
        @Schema(description = "Whether events are sent; true when omitted. Setting it true again clears `disabledReason`.")
        Boolean active) {
}
