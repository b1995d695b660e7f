package io.headline.article;

import java.util.List;
import java.util.UUID;

/**
 * What the translations of an article share, the same on each of them: its category, authors, tags, {@code featured}
 * and feature image. An API write (ArticleService) and an import (transfer.ImportWriter) compare and copy it alike.
 */
public record SharedFields(UUID categoryId, List<UUID> authorIds, List<String> tags, boolean featured,
        String featureImageUrl, UUID featureMediaId) {

    static SharedFields of(Article a) {
        return new SharedFields(a.category == null ? null : a.category.id, a.authors.stream().map(x -> x.id).toList(),
                List.copyOf(a.tags), a.featured, a.featureImageUrl, a.featureMediaId);
    }
}
