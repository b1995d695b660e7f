package io.headline.article;

import io.headline.common.HeadlineConfig;
import io.headline.common.paging.PageRequest;
import io.headline.common.persistence.SluggedRepository;
import io.headline.common.query.ListQuery;
import io.headline.common.query.Slice;
import io.headline.common.query.SortKey;
import io.headline.common.query.Sorting;
import io.headline.search.Facet;
import io.headline.search.Facets;
import io.headline.search.SearchConfig;
import io.headline.search.SearchDialect;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import org.eclipse.microprofile.config.inject.ConfigProperty;

@ApplicationScoped
public class ArticleRepository implements SluggedRepository<Article> {

    /** The HQL form of {@link Article#isPublicAt}. */
    private static final List<ArticleStatus> PUBLIC_STATUSES = List.of(ArticleStatus.published, ArticleStatus.scheduled);

    static final Sorting.Field<Article> ID = Sorting.id("a.id", a -> a.id);

    /** Stands for the search's relevance expression until the query knows it. */
    private static final String RELEVANCE = "relevance";

    private final SearchDialect search;
    private final long listBodyBudget;
    private final Duration statementTimeout;
    private final int searchCandidates;
    private final ArticleCounts counts;

    ArticleRepository(SearchDialect search, HeadlineConfig config, ArticleListConfig lists, SearchConfig searches,
            ArticleCounts counts, @ConfigProperty(name = "quarkus.datasource.db-kind") String dbKind) {
        this.search = search;
        this.counts = counts;
        this.listBodyBudget = config.limits().listBodyBudget().asLongValue();
        // H2 keeps a statement's timeout on its connection (JdbcStatement.setQueryTimeout sets the session's), so every
        // later statement on that pooled connection, writes included, would be cancelled after it too: on H2 none.
        this.statementTimeout = dbKind.startsWith("postgres") ? lists.statementTimeout() : null;
        this.searchCandidates = searches.candidates();
    }

    /**
     * The fields articles sort by; publishedAt can only be null where drafts are listed, and relevance
     * exists only for a search (it has no value to keep in a cursor, so its cursors are positional).
     */
    static List<Sorting.Field<Article>> sortable(boolean includeUnpublished, boolean searching) {
        List<Sorting.Field<Article>> fields = new ArrayList<>(List.of(
                new Sorting.Field<>("publishedAt", "a.publishedAt", includeUnpublished, Instant.class, a -> a.publishedAt),
                new Sorting.Field<>("updatedAt", "a.updatedAt", false, Instant.class, a -> a.updatedAt),
                new Sorting.Field<>("createdAt", "a.createdAt", false, Instant.class, a -> a.createdAt),
                new Sorting.Field<>("title", "a.title", false, String.class, a -> a.title)));
        if (searching) {
            fields.add(new Sorting.Field<>(RELEVANCE, RELEVANCE, false, Double.class, null));
        }
        return fields;
    }

    /**
     * One page of the articles that match, without their bodies (see {@link #bodies}). The category arrives with the
     * page; authors and tags in one batch query each (fetch.batch-size), so a page costs the same few statements
     * whatever its size. When the page is to carry whole bodies, it stops before the article whose bodies would take
     * it past headline.limits.list-body-budget (at least one article).
     *
     * @param categoryIds the categories to list (a category and its subtree), or null for all
     * @param authorId    the author to list, or null for all
     */
    public Slice<Article> list(ArticleListRequest.Filter f, Collection<UUID> categoryIds, UUID authorId,
            List<SortKey<Article>> sort, PageRequest page, Instant now, BodyNeeds needs) {
        return list(listed(f, categoryIds, authorId, now), f, sort, page, needs);
    }

    /**
     * A list's page and its facets, over what it covers worked out once: a search's candidates are looked up once for
     * both (the search endpoint's).
     */
    public Faceted<Article> listWithFacets(ArticleListRequest.Filter f, Collection<UUID> categoryIds, UUID authorId,
            List<SortKey<Article>> sort, PageRequest page, Instant now, BodyNeeds needs, int limit) {
        ListQuery<Article> query = listed(f, categoryIds, authorId, now);
        return new Faceted<>(list(query, f, sort, page, needs), facets(query, limit));
    }

    /** A page and the facets of everything its list covers. */
    public record Faceted<T>(Slice<T> page, Facets facets) {
    }

    private Slice<Article> list(ListQuery<Article> query, ArticleListRequest.Filter f, List<SortKey<Article>> sort,
            PageRequest page, BodyNeeds needs) {
        List<SortKey<Article>> order = new ArrayList<>();
        for (SortKey<Article> k : sort) {
            order.add(k.name().equals(RELEVANCE) ? new SortKey<>(k.name(), search.relevance(query, f.q()),
                    k.descending(), false, k.type(), k.value()) : k);
        }
        return query.fetch(getEntityManager(), order, page, rows -> needs.whole() ? withinBudget(rows, needs) : rows.size());
    }

    /** How many of {@code rows}, from the first, fit their whole bodies in the budget; at least one. */
    private int withinBudget(List<Article> rows, BodyNeeds needs) {
        Map<UUID, Long> sizes = bodySizes(rows, needs);
        long total = 0;
        int kept = 0;
        for (Article a : rows) {
            total += sizes.getOrDefault(a.id, 0L);
            if (kept > 0 && total > listBodyBudget) {
                break;
            }
            kept++;
        }
        return kept;
    }

    /** The bytes of the whole body forms {@code needs} names, of each article that has any, in one query. */
    Map<UUID, Long> bodySizes(List<Article> rows, BodyNeeds needs) {
        Map<UUID, Long> sizes = new HashMap<>();
        if (rows.isEmpty() || !needs.whole()) {
            return sizes;
        }
        String size = String.join(" + ", Stream.of(needs.markdown() ? "a.body" : null,
                        needs.html() ? "a.bodyHtml" : null, needs.text() ? "a.bodyText" : null)
                .filter(Objects::nonNull).map(column -> "coalesce(octet_length(" + column + "), 0)").toList());
        getEntityManager().createQuery("select a.id, " + size + " from Article a where a.id in :ids", Object[].class)
                .setParameter("ids", ids(rows)).getResultList()
                .forEach(row -> sizes.put((UUID) row[0], ((Number) row[1]).longValue()));
        return sizes;
    }

    /**
     * The body columns {@code needs} names of each article, in one query: what a list reads of bodies, since the
     * entities leave them unloaded. Nothing when nothing is needed.
     */
    Map<UUID, ArticleBody> bodies(List<Article> articles, BodyNeeds needs) {
        if (articles.isEmpty() || !needs.any()) {
            return Map.of();
        }
        String none = "cast(null as String)";
        String markdown = needs.markdown() ? "a.body"
                : needs.markdownStart() ? "substring(a.body, 1, " + BodyNeeds.SNIPPET_SCAN + ")" : none;
        String text = needs.text() ? "a.bodyText"
                : needs.textStart() ? "substring(a.bodyText, 1, " + BodyNeeds.TEXT_START + ")" : none;
        Map<UUID, ArticleBody> bodies = new HashMap<>();
        getEntityManager().createQuery("select a.id, " + markdown + ", " + (needs.html() ? "a.bodyHtml" : none) + ", "
                        + text + ", a.wordCount, case when a.bodyHtml is null then a.body end from Article a "
                        + "where a.id in :ids", Object[].class)
                .setParameter("ids", ids(articles)).getResultList()
                .forEach(row -> bodies.put((UUID) row[0], ArticleBody.read((String) row[1], (String) row[2],
                        (String) row[3], (Integer) row[4], (String) row[5])));
        return bodies;
    }

    private static List<UUID> ids(List<Article> articles) {
        return articles.stream().map(a -> a.id).toList();
    }

    /** How many matching articles each category and each author has, most first: a search's facets. */
    private Facets facets(ListQuery<Article> query, int limit) {
        String facet = "new io.headline.search.Facet(r.id, r.slug, r.name, count(a))";
        String tail = "group by r.id, r.slug, r.name order by count(a) desc, r.name";
        return new Facets(query.select(getEntityManager(), facet, "join a.category r", tail, Facet.class, limit),
                query.select(getEntityManager(), facet, "join a.authors r", tail, Facet.class, limit));
    }

    /**
     * The articles a list (its page, count and facets) covers. A search covers the newest headline.search.candidates
     * articles that match, and nothing older: its ranking, cursors, count and facets then cost the same however
     * many articles contain the words (the rank reads each row it ranks), and stay consistent with each other.
     */
    private ListQuery<Article> listed(ArticleListRequest.Filter f, Collection<UUID> categoryIds, UUID authorId,
            Instant now) {
        ListQuery<Article> query = matching(f, categoryIds, authorId, now).timeout(statementTimeout);
        if (f.q() == null) {
            // A search's count is over its candidates, which its key would have to carry: it is counted each time.
            return query.countedIn(counts, "now");
        }
        search.match(query, f.q());
        List<SortKey<Article>> newestFirst = Sorting.parse(null, "-publishedAt", sortable(f.includeUnpublished(), false),
                ID);
        List<UUID> candidates = query.select(getEntityManager(), "a.id", "", Sorting.orderBy(newestFirst), UUID.class,
                searchCandidates);
        ListQuery<Article> within = new ListQuery<>(Article.class, "a", "Article a", "join fetch a.category")
                .timeout(statementTimeout);
        // An empty IN list is not valid SQL everywhere.
        return candidates.isEmpty() ? within.where("1 = 0") : within.where("a.id in (:candidates)", "candidates",
                candidates);
    }

    private ListQuery<Article> matching(ArticleListRequest.Filter f, Collection<UUID> categoryIds, UUID authorId,
            Instant now) {
        ListQuery<Article> query = new ListQuery<>(Article.class, "a", "Article a", "join fetch a.category");
        if (!f.includeUnpublished()) {
            query.where("a.status in (:publicStatuses)", "publicStatuses", PUBLIC_STATUSES)
                    .where("a.publishedAt <= :now", "now", now);
        }
        if (f.statuses() != null) {
            query.where("a.status in (:statuses)", "statuses", f.statuses());
        }
        if (categoryIds != null) {
            query.where("a.category.id in (:categoryIds)", "categoryIds", categoryIds);
        }
        if (authorId != null) {
            query.where("exists (select 1 from Article credited join credited.authors au "
                    + "where credited = a and au.id = :authorId)", "authorId", authorId);
        }
        if (f.tags() != null) {
            query.where("exists (select 1 from Article tagged join tagged.tags t "
                    + "where tagged = a and t in (:tags))", "tags", f.tags());
        }
        if (f.categoryOrTags() != null) {
            query.where("(a.category.slug in (:categoryOrTags) or exists (select 1 from Article ct join ct.tags t "
                    + "where ct = a and t in (:categoryOrTags)))", "categoryOrTags", f.categoryOrTags());
        }
        if (f.publishedAfter() != null) {
            query.where("a.publishedAt > :publishedAfter", "publishedAfter", f.publishedAfter());
        }
        if (f.publishedBefore() != null) {
            query.where("a.publishedAt < :publishedBefore", "publishedBefore", f.publishedBefore());
        }
        if (f.updatedAfter() != null) {
            query.where("a.updatedAt > :updatedAfter", "updatedAfter", f.updatedAfter());
        }
        if (f.featured() != null) {
            query.where("a.featured = :featured", "featured", f.featured());
        }
        return query;
    }

    /** The distinct tags of the articles the public sees at {@code now}, alphabetically, at most {@code limit}. */
    public List<String> publicTags(Instant now, int limit) {
        return getEntityManager().createQuery("select distinct t from Article a join a.tags t "
                        + "where a.status in (:publicStatuses) and a.publishedAt <= :now order by t", String.class)
                .setParameter("publicStatuses", PUBLIC_STATUSES).setParameter("now", now).setMaxResults(limit)
                .getResultList();
    }

    /**
     * The newest articles the caller may see that share the category, a tag or an author with
     * {@code article}: the candidates from which related articles are ranked.
     */
    public List<Article> relatedCandidates(Article article, boolean includeUnpublished, Instant now, int limit) {
        ListQuery<Article> query = matching(new ArticleListRequest.Filter(includeUnpublished, null, null, false, null,
                null, null, null, null, null, null, null), null, null, now);
        query.where("a.id <> :self", "self", article.id)
                .where("(a.category.id = :category"
                        + " or exists (select 1 from Article t join t.tags tag where t = a and tag in (:relatedTags))"
                        + " or exists (select 1 from Article c join c.authors au where c = a and au.id in (:relatedAuthors)))")
                .param("category", article.category.id)
                // An empty IN list is not valid SQL everywhere; no tag equals the empty string.
                .param("relatedTags", article.tags.isEmpty() ? List.of("") : List.copyOf(article.tags))
                .param("relatedAuthors", article.authors.stream().map(au -> au.id).toList());
        List<SortKey<Article>> newestFirst = Sorting.parse(null, "-publishedAt", sortable(includeUnpublished, false), ID);
        return query.fetch(getEntityManager(), newestFirst, new PageRequest(1, limit, null, false)).items();
    }

    /**
     * The article a write is about, locked until the write commits: concurrent writes to one article take turns, so
     * an If-Match check and the write it guards see the same state, and revision numbers never collide.
     */
    public Optional<Article> findForUpdate(String idOrSlug) {
        Optional<UUID> id = SluggedRepository.parseId(idOrSlug);
        return (id.isPresent() ? find("id", id.get()) : find("slug", idOrSlug))
                .withLock(LockModeType.PESSIMISTIC_WRITE).singleResultOptional();
    }

    /** A slug is taken by another article that has it now or had it before (its links still lead there). */
    @Override
    public boolean slugTaken(String slug, UUID exceptId) {
        return SluggedRepository.super.slugTaken(slug, exceptId)
                || formerOwner(slug).filter(owner -> !owner.equals(exceptId)).isPresent();
    }

    /** The article that had {@code slug} before it changed. */
    public Optional<Article> findByFormerSlug(String slug) {
        return formerOwner(slug).flatMap(this::findByIdOptional);
    }

    /** Keeps {@code previous} leading to the article, and frees its new slug if it is one it had before. */
    public void slugChanged(Article article, String previous) {
        FormerSlug reclaimed = getEntityManager().find(FormerSlug.class, article.slug);
        if (reclaimed != null) {
            getEntityManager().remove(reclaimed);
        }
        getEntityManager().persist(new FormerSlug(previous, article.id));
    }

    private Optional<UUID> formerOwner(String slug) {
        return Optional.ofNullable(getEntityManager().find(FormerSlug.class, slug)).map(former -> former.articleId);
    }

    public long countByAuthor(UUID authorId) {
        return getEntityManager()
                .createQuery("select count(a) from Article a join a.authors au where au.id = :id", Long.class)
                .setParameter("id", authorId).getSingleResult();
    }

    public long countByCategory(UUID categoryId) {
        return count("category.id", categoryId);
    }

    /** What every sitemap query reads: the public articles at {@code :now}, oldest first, in ix_article_published_asc. */
    private static final String PUBLIC_OLDEST_FIRST = "from Article a join a.category c where a.status in (:publicStatuses) "
            + "and a.publishedAt <= :now %s order by a.publishedAt asc nulls last, a.id asc nulls first";

    /**
     * Where the articles the public sees at {@code now} are, oldest first (so that a page of a sitemap keeps its
     * articles as new ones come), {@code limit} of them from the one at {@code from} (keyset: one index range, however
     * far into the list), or from the first; only the few columns an address needs, no body.
     */
    public List<ArticleLocation> publicLocations(Instant now, Optional<ArticleLocation.Key> from, int limit) {
        var query = getEntityManager().createQuery("select new io.headline.article.ArticleLocation(a.id, a.slug, "
                        + "c.slug, a.publishedAt, a.updatedAt) " + PUBLIC_OLDEST_FIRST.formatted(from.isEmpty() ? ""
                        : "and (a.publishedAt, a.id) >= (:fromPublished, :fromId)"), ArticleLocation.class)
                .setParameter("publicStatuses", PUBLIC_STATUSES).setParameter("now", now);
        from.ifPresent(key -> query.setParameter("fromPublished", key.publishedAt()).setParameter("fromId", key.id()));
        return query.setMaxResults(limit).getResultList();
    }

    /**
     * Where each page of {@code perPage} of {@link #publicLocations} starts: the first article, then every
     * {@code perPage}th, at most {@code maxPages}. One pass over the index's two columns, no row of the table itself.
     */
    public List<ArticleLocation.Key> publicPageStarts(Instant now, int perPage, int maxPages) {
        return getEntityManager().createQuery("select new io.headline.article.ArticleLocation$Key(p.publishedAt, p.id) "
                        + "from (select a.publishedAt publishedAt, a.id id, row_number() over (order by a.publishedAt "
                        + "asc nulls last, a.id asc nulls first) position from Article a where a.status in "
                        + "(:publicStatuses) and a.publishedAt <= :now) p where mod(p.position - 1, :perPage) = 0 "
                        + "order by p.publishedAt asc nulls last, p.id asc nulls first", ArticleLocation.Key.class)
                .setParameter("publicStatuses", PUBLIC_STATUSES).setParameter("now", now)
                .setParameter("perPage", (long) perPage).setMaxResults(maxPages).getResultList();
    }

    /** The first moment after {@code now} at which an article becomes public by itself (see {@link Article#isPublicAt}). */
    public Optional<Instant> nextPublicationAfter(Instant now) {
        return Optional.ofNullable(getEntityManager().createQuery("select min(a.publishedAt) from Article a "
                + "where a.status in ?1 and a.publishedAt > ?2", Instant.class)
                .setParameter(1, PUBLIC_STATUSES).setParameter(2, now).getSingleResult());
    }
}
