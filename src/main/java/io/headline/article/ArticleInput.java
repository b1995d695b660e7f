package io.headline.article;

import io.headline.common.persistence.Slugs;
import io.headline.common.validation.HttpUrl;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import io.headline.locale.LocaleTags;
import io.headline.locale.Locales;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "ArticleInput", description = "An article as a client writes it (POST, PUT, PATCH). "
        + "The category and the authors are named by id or slug.")
public record ArticleInput(
        @Schema(description = "URL-safe identifier; generated from the title when omitted. Kept on PUT when omitted.",
                examples = "extraction-sequel-in-the-works", maxLength = Slugs.MAX_LENGTH, pattern = Slugs.PATTERN)
        @Pattern(regexp = Slugs.PATTERN, message = "must be lower-case letters and digits in hyphen-separated words")
        @Size(max = Slugs.MAX_LENGTH)
        String slug,
        @Schema(description = "Headline.", examples = "Extraction sequel in the works", required = true)
        @NotBlank @Size(max = 300)
        String title,
        @Schema(description = "Standfirst or dek shown under the headline.")
        @Size(max = 500)
        String subtitle,
        @Schema(description = "A short summary for cards and listings (plain text).")
        @Size(max = 1000)
        String excerpt,
        @Schema(description = "The article body as Markdown.")
        @Size(max = 1_000_000)
        String body,
        @Schema(description = "Defaults to draft on create; kept on PUT when omitted.")
        ArticleStatus status,
        @Schema(description = "Whether editors feature the article; defaults to false.")
        Boolean featured,
        @Schema(description = "When the article is (or was) published, ISO-8601 with offset, years 0001 to 9999. Set to the time of "
                + "the write when an article becomes published without one; required for scheduled. Only editors "
                + "and admins decide it: an author token that sends another value than the stored one gets 403.",
                examples = "2020-01-01T00:00:00Z")
        Instant publishedAt,
        @Schema(description = "The category, by id or slug.", examples = "news", required = true)
        @NotBlank @Size(max = 200)
        String category,
        @Schema(description = "The credited authors in byline order, each by id or slug.", examples = "[\"newsdesk\"]",
                required = true)
        @NotEmpty @Size(max = 20)
        List<@NotBlank @Size(max = 200) String> authors,
        @Schema(description = "Free-form tags, in order; duplicates are dropped.", examples = "[\"film\", \"netflix\"]")
        @Size(max = 50)
        List<@NotBlank @Size(max = 100) String> tags,
        @Schema(description = "Lead image, an absolute http(s) URL. With `featureImage` too, both must name the same "
                + "image.", examples = "https://example.com/images/lead.jpg")
        @HttpUrl
        String featureImageUrl,
        @Schema(description = "Lead image: the id of an image in the media library (GET /api/v1/media), or an absolute "
                + "http(s) URL as `featureImageUrl` takes. A media id makes its file public with the article, and "
                + "the media cannot be deleted while the article uses it. Any token that may write the article may "
                + "name any media. On PATCH, sending only one of `featureImage` and `featureImageUrl` replaces the "
                + "feature image whichever form it had.",
                examples = "0190a7c2-6f1e-7b3a-9d4c-2f5e8a1b3c7d", maxLength = HttpUrl.MAX_LENGTH)
        @Pattern(regexp = FEATURE_IMAGE, message = "must be a media id or an absolute http or https URL")
        @Size(max = HttpUrl.MAX_LENGTH)
        String featureImage,
        @Schema(description = "The article's locale, a BCP 47 tag of the server's locales (headline.locales); the "
                + "default locale when omitted on create. A translation keeps its locale: a write that names "
                + "another one is refused (422); POST .../translations adds one in another locale.",
                examples = "en", maxLength = LocaleTags.MAX_LENGTH)
        @Size(max = LocaleTags.MAX_LENGTH)
        String locale) {

    /** A media id (a UUID) or an http(s) URL. */
    static final String FEATURE_IMAGE = "^([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}"
            + "|[hH][tT][tT][pP][sS]?://\\S+)$";

    /** An input in the default locale, or the one it replaces. */
    public ArticleInput(String slug, String title, String subtitle, String excerpt, String body, ArticleStatus status,
            Boolean featured, Instant publishedAt, String category, List<String> authors, List<String> tags,
            String featureImageUrl, String featureImage) {
        this(slug, title, subtitle, excerpt, body, status, featured, publishedAt, category, authors, tags,
                featureImageUrl, featureImage, null);
    }

    /** An input without a media feature image: what the import sources and the demo content write. */
    public ArticleInput(String slug, String title, String subtitle, String excerpt, String body, ArticleStatus status,
            Boolean featured, Instant publishedAt, String category, List<String> authors, List<String> tags,
            String featureImageUrl) {
        this(slug, title, subtitle, excerpt, body, status, featured, publishedAt, category, authors, tags,
                featureImageUrl, null);
    }
}
