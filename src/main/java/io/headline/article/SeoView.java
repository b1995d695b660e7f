package io.headline.article;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Seo", description = "What a page needs in its <head>, with fallbacks filled in: the title for the "
        + "meta title, the excerpt for the description, the feature image for social cards.")
public record SeoView(
        @Schema(description = "Title for <title> and og:title.", examples = "Extraction sequel in the works") String metaTitle,
        @Schema(description = "Description for <meta name=description> and og:description.") String metaDescription,
        @Schema(description = "The page's canonical URL: the configured site URL and the slug; absent when no site "
                + "URL is configured.", examples = "https://news.example.com/extraction-sequel-in-the-works")
        String canonicalUrl,
        @Schema(description = "Image for og:image and twitter:image.") String ogImage) {
}
