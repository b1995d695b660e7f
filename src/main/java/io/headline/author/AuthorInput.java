package io.headline.author;

import io.headline.common.persistence.Slugs;
import io.headline.common.validation.HttpUrl;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "AuthorInput", description = "An author as a client writes it (POST, PUT, PATCH).")
public record AuthorInput(
        @Schema(description = "URL-safe identifier; generated from the name when omitted. Kept on PUT when omitted.",
                examples = "newsdesk", maxLength = Slugs.MAX_LENGTH, pattern = Slugs.PATTERN)
        @Pattern(regexp = Slugs.PATTERN, message = "must be lower-case letters and digits in hyphen-separated words")
        @Size(max = Slugs.MAX_LENGTH)
        String slug,
        @Schema(description = "Display name.", examples = "Newsdesk", required = true)
        @NotBlank @Size(max = 200)
        String name,
        @Schema(description = "A short biography (plain text).")
        @Size(max = 5000)
        String bio,
        @Schema(description = "Portrait image, an absolute http(s) URL.", examples = "https://example.com/avatars/newsdesk.png")
        @HttpUrl
        String avatarUrl,
        @Schema(description = "Personal or professional website, an absolute http(s) URL.", examples = "https://example.com")
        @HttpUrl
        String websiteUrl,
        @Schema(description = "Contact email. Private: shown only to callers with an admin token.",
                examples = "newsdesk@example.com")
        @Email @Size(max = 320)
        String email) {
}
