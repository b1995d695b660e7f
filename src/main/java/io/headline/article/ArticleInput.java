package io.headline.article;

import io.headline.common.persistence.Slugs;
import io.headline.common.validation.HttpUrl;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
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
        @Schema(description = "Lead image, an absolute http(s) URL.", examples = "https://example.com/images/lead.jpg")
        @HttpUrl
        String featureImageUrl) {
}
