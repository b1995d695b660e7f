package io.headline.article;

import io.headline.common.error.ProblemException;
import io.headline.common.error.ProblemType;
import io.headline.common.paging.PageRequest;
import io.headline.common.query.CommaList;
import io.headline.common.query.SortKey;
import io.headline.common.query.Sorting;
import io.headline.common.validation.StorableInstant;
import io.headline.locale.LocaleChoice;
import io.headline.locale.Locales;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** A checked article list request: what to filter by, how to sort, which page, and in what shape. */
public record ArticleListRequest(Filter filter, List<SortKey<ArticleRow>> sort, PageRequest page, ArticleShape shape) {

    /**
     * What an article must match to be listed; null members do not filter. {@code categoryOrTags} matches an article
     * filed under a category with any of these slugs or carrying any of these tags: a Ghost tag is either (ghost/).
     */
    public record Filter(boolean includeUnpublished, Set<ArticleStatus> statuses, String category,
            boolean includeSubcategories, String author, List<String> tags, Instant publishedAfter,
            Instant publishedBefore, Instant updatedAfter, Boolean featured, String q, List<String> categoryOrTags,
            LocaleChoice locales) {

        public Filter withCategoryOrTags(List<String> slugsOrTags) {
            return new Filter(includeUnpublished, statuses, category, includeSubcategories, author, tags, publishedAfter,
                    publishedBefore, updatedAfter, featured, q, slugsOrTags, locales);
        }
    }

    /**
     * Whether the items carry whole bodies: the response may hold a list-body-budget of them, so such responses are
     * built a few at a time (limits.BodyReads).
     */
    public boolean readsBodies() {
        return shape.has("body") || shape.has("bodyHtml") || shape.has("bodyText");
    }

    /** Whether only the start of each body is read, for a search's snippets. */
    public boolean scansBodies() {
        return filter.q() != null;
    }

    /** The most body text a search reads for one page: the start of each body for its snippet and its excerpt. */
    public long scannedBytes() {
        return (long) page.size() * (BodyNeeds.SNIPPET_SCAN + BodyNeeds.TEXT_START);
    }

    public static ArticleListRequest parse(ArticleListParams p, boolean seesUnpublished, boolean seesEmails,
            Locales locales) {
        Filter filter = new Filter(
                seesUnpublished,
                statuses(p.status, seesUnpublished),
                blankToNull(p.category),
                PageRequest.parseBoolean("includeSubcategories", p.includeSubcategories, false),
                blankToNull(p.author),
                p.tag == null || p.tag.isEmpty() ? null : p.tag.stream().map(String::strip).toList(),
                instant("publishedAfter", p.publishedAfter),
                instant("publishedBefore", p.publishedBefore),
                instant("updatedAfter", p.updatedAfter),
                p.featured == null ? null : PageRequest.parseBoolean("featured", p.featured, false),
                query(p.q),
                null,
                p.locales.choose(locales, seesUnpublished));
        boolean searching = filter.q() != null;
        List<SortKey<ArticleRow>> sort = Sorting.parse(CommaList.join(p.sort), searching ? "-relevance" : "-publishedAt",
                ArticleRepository.sortable(seesUnpublished, searching), ArticleRepository.ID);
        return new ArticleListRequest(filter, sort, p.pageRequest(),
                ArticleShape.parse(CommaList.join(p.fields), CommaList.join(p.include), CommaList.join(p.formats),
                        ArticleShape.LIST_FIELDS, seesEmails, filter.q()));
    }

    private static Set<ArticleStatus> statuses(List<String> raw, boolean seesUnpublished) {
        if (raw == null || raw.isEmpty()) {
            return null;
        }
        Set<ArticleStatus> statuses = EnumSet.noneOf(ArticleStatus.class);
        for (String name : raw) {
            try {
                statuses.add(ArticleStatus.valueOf(name.strip()));
            } catch (IllegalArgumentException e) {
                throw ProblemException.invalidParameter("status", "must be one of draft, published, scheduled, archived");
            }
        }
        if (seesUnpublished) {
            return statuses;
        }
        if (!statuses.equals(EnumSet.of(ArticleStatus.published))) {
            throw new ProblemException(ProblemType.FORBIDDEN,
                    "Filtering by a status other than published needs a token that may see unpublished content.");
        }
        return null; // everything the public sees reads as published

    }

    private static Instant instant(String name, String raw) {
        if (raw == null) {
            return null;
        }
        return StorableInstant.parse(raw).orElseThrow(() -> ProblemException.invalidParameter(name, StorableInstant.RULE));
    }

    private static String query(String raw) {
        String q = blankToNull(raw);
        if (q != null && q.length() > 200) {
            throw ProblemException.invalidParameter("q", "must be at most 200 characters");
        }
        return q;
    }

    private static String blankToNull(String raw) {
        return raw == null || raw.isBlank() ? null : raw.strip();
    }
}
