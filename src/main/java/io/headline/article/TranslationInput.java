package io.headline.article;

import io.headline.common.persistence.Slugs;
import io.headline.locale.LocaleTags;
import io.headline.locale.Locales;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A new translation of an article: what is written per language. What the translations share (category, authors,
 * tags, feature image, featured) comes from the article translated.
 */
@Schema(name = "TranslationInput", description = "A new translation of an article, in a locale it has no translation "
        + "in yet: what is written per language. The category, authors, tags, feature image and `featured` are the "
        + "article's, shared by all its translations.")
public record TranslationInput(
        @Schema(description = "The translation's locale, a BCP 47 tag of the server's locales (headline.locales).",
                required = true, examples = "de", maxLength = LocaleTags.MAX_LENGTH)
        @NotBlank @Size(max = LocaleTags.MAX_LENGTH)
        String locale,
        @Schema(description = "URL-safe identifier, unique within the locale; generated from the title when omitted.",
                examples = "fortsetzung-in-arbeit", maxLength = Slugs.MAX_LENGTH, pattern = Slugs.PATTERN)
        @Pattern(regexp = Slugs.PATTERN, message = "must be lower-case letters and digits in hyphen-separated words")
        @Size(max = Slugs.MAX_LENGTH)
        String slug,
        @Schema(description = "Headline.", examples = "Fortsetzung in Arbeit", required = true)
        @NotBlank @Size(max = 300)
        String title,
        @Schema(description = "Standfirst or dek shown under the headline.")
        @Size(max = 500)
        String subtitle,
        @Schema(description = "A short summary for cards and listings (plain text).")
        @Size(max = 1000)
        String excerpt,
        @Schema(description = "The body as Markdown.")
        @Size(max = 1_000_000)
        String body,
        @Schema(description = "Defaults to draft: each translation is published on its own.")
        ArticleStatus status,
        @Schema(description = "When the translation is (or was) published, as on an article.",
                examples = "2020-01-01T00:00:00Z")
        Instant publishedAt) {

    /** The translation as an article's input: its own words, and what {@code shared} holds for its group. */
    ArticleInput with(ArticleInput shared) {
        return new ArticleInput(slug, title, subtitle, excerpt, body, status, shared.featured(), publishedAt,
                shared.category(), shared.authors(), shared.tags(), shared.featureImageUrl(), shared.featureImage(),
                locale);
    }
}
