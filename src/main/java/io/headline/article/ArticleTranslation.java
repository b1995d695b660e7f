package io.headline.article;

import io.headline.common.ApiPaths;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A translation of an article the caller may see, as a front end links it ({@code hreflang}). */
@Schema(name = "ArticleTranslation", description = "A translation of the article that the caller may see: what a "
        + "front end needs for `<link rel=\"alternate\" hreflang>` links and a language switch.")
public record ArticleTranslation(
        @Schema(description = "The translation's locale, a BCP 47 tag of the server's locales.", required = true,
                examples = "de-AT") String locale,
        @Schema(description = "The translation's slug, unique within its locale.", required = true,
                examples = "fortsetzung-in-arbeit") String slug,
        @Schema(description = "The translation's address in this API.", required = true,
                examples = "/api/v1/articles/fortsetzung-in-arbeit?locale=de-AT") String url) {

    static ArticleTranslation of(String locale, String slug) {
        return new ArticleTranslation(locale, slug, ApiPaths.V1 + "/articles/" + slug + "?locale=" + locale);
    }
}
