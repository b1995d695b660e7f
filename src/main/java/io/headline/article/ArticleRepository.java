package io.headline.article;

import io.headline.author.AuthorView;
import io.headline.common.HeadlineConfig;
import io.headline.common.paging.PageRequest;
import io.headline.common.persistence.SluggedRepository;
import io.headline.common.query.InList;
import io.headline.common.query.ListQuery;
import io.headline.common.query.Slice;
import io.headline.common.query.SortKey;
import io.headline.common.query.Sorting;
import io.headline.locale.LocaleChoice;
import io.headline.locale.LocaleTags;
import io.headline.locale.Locales;
import io.headline.search.Facet;
import io.headline.search.Facets;
import io.headline.search.SearchConfig;
import io.headline.search.SearchDialect;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.persistence.TypedQuery;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.eclipse.microprofile.config.inject.ConfigProperty;

@ApplicationScoped
public class ArticleRepository implements SluggedRepository<Article> {

    /**
     * The HQL form of {@link Article#isPublicAt}'s statuses. A literal, not a list parameter: the set is fixed, and
     * Hibernate keeps no translation of a query that binds a list (see InList).
     */
    private static final String PUBLIC_STATUS = publicStatus("a");

    /** {@link #PUBLIC_STATUS} of the article aliased {@code alias}. */
    private static String publicStatus(String alias) {
        return alias + ".status in (" + Stream.of(ArticleStatus.published, ArticleStatus.scheduled)
                .map(s -> ArticleStatus.class.getName() + "." + s.name()).collect(Collectors.joining(", ")) + ")";
    }

    static final Sorting.Field<ArticleRow> ID = Sorting.id("a.id", ArticleRow::id);

    /** What a read's row ({@link ArticleRow}) joins to the article: its category and the category's parent. */
    private static final String ROW_JOINS = "join a.category c left join c.parent p";

    /** Stands for the search's relevance expression until the query knows it. */
    private static final String RELEVANCE = "relevance";

    private final SearchDialect search;
    private final long listBodyBudget;
    private final Duration statementTimeout;
    private final int searchCandidates;
    private final ArticleCounts counts;
    private final Locales locales;
    private final StoredLocales stored;

    /** The most translations one slug can name: one a locale. */
    private static final int MAX_LOCALES = 64;

    ArticleRepository(Locales locales, StoredLocales stored, SearchDialect search, HeadlineConfig config,
            ArticleListConfig lists, SearchConfig searches,
            ArticleCounts counts, @ConfigProperty(name = "quarkus.datasource.db-kind") String dbKind) {
        this.locales = locales;
        this.stored = stored;
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
    static List<Sorting.Field<ArticleRow>> sortable(boolean includeUnpublished, boolean searching) {
        List<Sorting.Field<ArticleRow>> fields = new ArrayList<>(List.of(
                new Sorting.Field<>("publishedAt", "a.publishedAt", includeUnpublished, Instant.class,
                        ArticleRow::publishedAt),
                new Sorting.Field<>("updatedAt", "a.updatedAt", false, Instant.class, ArticleRow::updatedAt),
                new Sorting.Field<>("createdAt", "a.createdAt", false, Instant.class, ArticleRow::createdAt),
                new Sorting.Field<>("title", "a.title", false, String.class, ArticleRow::title)));
        if (searching) {
            fields.add(new Sorting.Field<>(RELEVANCE, RELEVANCE, false, Double.class, null));
        }
        return fields;
    }

    /**
     * One page of the articles that match, as rows with their category and what {@code needs} names of their bodies,
     * but without whole bodies (see {@link #bodies}) and without authors and tags (see {@link #credited}). When the
     * page is to carry whole bodies, it stops before the article whose bodies would take it past
     * headline.limits.list-body-budget (at least one article).
     *
     * @param categoryIds the categories to list (a category and its subtree), or null for all
     * @param authorId    the author to list, or null for all
     */
    public Slice<ArticleRow> list(ArticleListRequest.Filter f, Collection<UUID> categoryIds, UUID authorId,
            List<SortKey<ArticleRow>> sort, PageRequest page, Instant now, BodyNeeds needs) {
        return list(listed(f, categoryIds, authorId, now), f, sort, page, needs);
    }

    /**
     * A list's page and its facets, over what it covers worked out once: a search's candidates are looked up once for
     * both (the search endpoint's).
     */
    public Faceted<ArticleRow> listWithFacets(ArticleListRequest.Filter f, Collection<UUID> categoryIds,
            UUID authorId, List<SortKey<ArticleRow>> sort, PageRequest page, Instant now, BodyNeeds needs, int limit) {
        ListQuery<ArticleRow> query = listed(f, categoryIds, authorId, now);
        return new Faceted<>(list(query, f, sort, page, needs), facets(query, limit));
    }

    /** A page and the facets of everything its list covers. */
    public record Faceted<T>(Slice<T> page, Facets facets) {
    }

    private Slice<ArticleRow> list(ListQuery<ArticleRow> query, ArticleListRequest.Filter f,
            List<SortKey<ArticleRow>> sort, PageRequest page, BodyNeeds needs) {
        List<SortKey<ArticleRow>> order = new ArrayList<>();
        for (SortKey<ArticleRow> k : sort) {
            order.add(k.name().equals(RELEVANCE) ? new SortKey<>(k.name(), search.relevance(query, f.q(), f.locales()),
                    k.descending(), false, k.type(), k.value()) : k);
        }
        query.selecting(row(BodyNeeds.NONE));
        return query.fetch(getEntityManager(), order, page, rows -> needs.whole() ? withinBudget(rows, needs) : rows.size());
    }

    /**
     * The translation a read names, by id or slug, with what {@code needs} names of its body; without authors and
     * tags (see {@link #credited}). A slug may name a translation in each locale: the best of {@code choice}'s chain
     * wins, then the default locale's, then any.
     */
    public Optional<ArticleRow> findRow(String idOrSlug, BodyNeeds needs, LocaleChoice choice) {
        Optional<UUID> id = SluggedRepository.parseId(idOrSlug);
        return getEntityManager().createQuery("select " + row(needs) + " from Article a " + ROW_JOINS + " where a."
                        + (id.isPresent() ? "id" : "slug") + " = :key", ArticleRow.class)
                .setParameter("key", id.isPresent() ? id.get() : idOrSlug).setMaxResults(MAX_LOCALES).getResultStream()
                .min(Comparator.comparingInt((ArticleRow r) -> choice.rank(r.locale()))
                        .thenComparing(r -> !r.locale().equals(locales.defaultLocale())).thenComparing(ArticleRow::locale));
    }

    /** The translations of each group, in no order: what picks the one a read serves and lists the others. */
    public List<Sibling> translations(Collection<UUID> groups) {
        if (groups.isEmpty()) {
            return List.of();
        }
        InList keys = InList.of("groups", List.copyOf(groups));
        TypedQuery<Sibling> query = getEntityManager().createQuery("select new " + Sibling.class.getName()
                + "(a.id, coalesce(a.translationGroup, a.id), a.locale, a.slug, a.status, a.publishedAt) from Article a "
                + "where " + keys.in("a.id") + " or " + keys.in("a.translationGroup"), Sibling.class);
        keys.bind(query::setParameter);
        return query.getResultList();
    }

    /** The translations of a group, locked until the write commits (select ... for update), in locale order. */
    public List<Article> lockGroup(UUID group) {
        return find("id = ?1 or translationGroup = ?1 order by locale", group).withLock(LockModeType.PESSIMISTIC_WRITE)
                .list();
    }

    /** The translations of a group as rows, without their bodies (see {@link #bodies}), authors and tags. */
    public List<ArticleRow> groupRows(UUID group) {
        return getEntityManager().createQuery("select " + row(BodyNeeds.NONE) + " from Article a " + ROW_JOINS
                + " where a.id = :group or a.translationGroup = :group", ArticleRow.class).setParameter("group", group)
                .setMaxResults(MAX_LOCALES).getResultList();
    }

    /** A translation as {@link #translations} reads it. */
    public record Sibling(UUID id, UUID group, String locale, String slug, ArticleStatus status, Instant publishedAt) {

        boolean isPublicAt(Instant now) {
            return Article.isPublicAt(status, publishedAt, now);
        }
    }

    /** The select of an {@link ArticleRow}, over {@link #ROW_JOINS}. */
    private static String row(BodyNeeds needs) {
        return "new " + ArticleRow.class.getName() + "(a.id, a.slug, a.locale, coalesce(a.translationGroup, a.id), "
                + "a.title, a.subtitle, a.excerpt, a.status, "
                + "a.publishedAt, a.featured, a.featureImageUrl, a.featureMediaId, a.createdAt, a.updatedAt, a.version, "
                + "c.id, c.slug, c.name, c.description, c.createdAt, c.updatedAt, p.id, p.slug, p.name, p.updatedAt, "
                + bodyColumns(needs) + ")";
    }

    /**
     * The rows with their authors (in byline order, in full) and tags (in order), both read in one statement: the
     * second half of a read, whatever the number of rows.
     */
    public List<ArticleRow> credited(List<ArticleRow> rows) {
        if (rows.isEmpty()) {
            return rows;
        }
        InList ids = ids(rows);
        // A union's columns have one type each: a tag's row repeats the article's id and times where an author's has
        // its own, and they are not read.
        TypedQuery<Object[]> query = getEntityManager().createQuery("select a.id, 0, index(au), au.id, au.slug, "
                + "au.name, au.bio, au.avatarUrl, au.websiteUrl, au.email, au.createdAt, au.updatedAt "
                + "from Article a join a.authors au where " + ids.in("a.id")
                + " union all select a.id, 1, index(t), a.id, t, cast(null as String), cast(null as String), "
                + "cast(null as String), cast(null as String), cast(null as String), a.createdAt, a.createdAt "
                + "from Article a join a.tags t where " + ids.in("a.id"), Object[].class);
        ids.bind(query::setParameter);
        List<Object[]> credits = query.getResultList();
        Map<UUID, List<AuthorView>> authors = new HashMap<>();
        Map<UUID, List<String>> tags = new HashMap<>();
        credits.stream().sorted(Comparator.comparingInt(c -> ((Number) c[2]).intValue())).forEach(c -> {
            UUID article = (UUID) c[0];
            if (((Number) c[1]).intValue() == 0) {
                authors.computeIfAbsent(article, a -> new ArrayList<>()).add(new AuthorView((UUID) c[3], (String) c[4],
                        (String) c[5], (String) c[6], (String) c[7], (String) c[8], (String) c[9], (Instant) c[10],
                        (Instant) c[11]));
            } else {
                tags.computeIfAbsent(article, a -> new ArrayList<>()).add((String) c[4]);
            }
        });
        return rows.stream().map(r -> r.withCredits(List.copyOf(authors.getOrDefault(r.id(), List.of())),
                List.copyOf(tags.getOrDefault(r.id(), List.of())))).toList();
    }

    /** How many of {@code rows}, from the first, fit their whole bodies in the budget; at least one. */
    private int withinBudget(List<ArticleRow> rows, BodyNeeds needs) {
        Map<UUID, Long> sizes = bodySizes(rows, needs);
        long total = 0;
        int kept = 0;
        for (ArticleRow a : rows) {
            total += sizes.getOrDefault(a.id(), 0L);
            if (kept > 0 && total > listBodyBudget) {
                break;
            }
            kept++;
        }
        return kept;
    }

    /** The bytes of the whole body forms {@code needs} names, of each article that has any, in one query. */
    Map<UUID, Long> bodySizes(List<ArticleRow> rows, BodyNeeds needs) {
        Map<UUID, Long> sizes = new HashMap<>();
        if (rows.isEmpty() || !needs.whole()) {
            return sizes;
        }
        String size = String.join(" + ", Stream.of(needs.markdown() ? "a.body" : null,
                        needs.html() ? "a.bodyHtml" : null, needs.text() ? "a.bodyText" : null)
                .filter(Objects::nonNull).map(column -> "coalesce(octet_length(" + column + "), 0)").toList());
        InList ids = ids(rows);
        TypedQuery<Object[]> query = getEntityManager().createQuery("select a.id, " + size + " from Article a where "
                + ids.in("a.id"), Object[].class);
        ids.bind(query::setParameter);
        query.getResultList().forEach(row -> sizes.put((UUID) row[0], ((Number) row[1]).longValue()));
        return sizes;
    }

    /**
     * The body columns {@code needs} names of each article, in one query: what a list page reads of bodies, whole or
     * their starts (an excerpt's), once the page is known. Not with its rows: PostgreSQL works out what a row selects
     * for every row it sorts (a search's candidates, a sort by title) or skips (the offset of page 500), so the start
     * of a body was read for thousands of rows to show 20 (page 1,000 of 10 took 55 ms instead of 13). Nothing when
     * nothing is needed.
     */
    Map<UUID, ArticleBody> bodies(List<ArticleRow> articles, BodyNeeds needs) {
        if (articles.isEmpty() || !needs.any()) {
            return Map.of();
        }
        Map<UUID, ArticleBody> bodies = new HashMap<>();
        InList ids = ids(articles);
        TypedQuery<Object[]> query = getEntityManager().createQuery("select a.id, " + bodyColumns(needs)
                + " from Article a where " + ids.in("a.id"), Object[].class);
        ids.bind(query::setParameter);
        query.getResultList().forEach(row -> bodies.put((UUID) row[0], ArticleBody.read((String) row[1], (String) row[2],
                        (String) row[3], (Integer) row[4], (String) row[5])));
        return bodies;
    }

    /**
     * The body columns {@code needs} names, in the order of {@link ArticleBody#read}: the markdown, the HTML, the text,
     * the word count, and the markdown of a row written before rendering was stored. Whole or only the start a
     * response reads, or null.
     */
    private static String bodyColumns(BodyNeeds needs) {
        String none = "cast(null as String)";
        String markdown = needs.markdown() ? "a.body"
                : needs.markdownStart() ? "substring(a.body, 1, " + BodyNeeds.SNIPPET_SCAN + ")" : none;
        String text = needs.text() ? "a.bodyText"
                : needs.textStart() ? "substring(a.bodyText, 1, " + BodyNeeds.TEXT_START + ")" : none;
        return markdown + ", " + (needs.html() ? "a.bodyHtml" : none) + ", " + text + ", a.wordCount, "
                + (needs.any() ? "case when a.bodyHtml is null then a.body end" : none);
    }

    private static InList ids(List<ArticleRow> rows) {
        return InList.of("ids", rows.stream().map(ArticleRow::id).toList());
    }

    /** How many matching articles each category and each author has, most first: a search's facets. */
    private Facets facets(ListQuery<ArticleRow> query, int limit) {
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
    private ListQuery<ArticleRow> listed(ArticleListRequest.Filter f, Collection<UUID> categoryIds, UUID authorId,
            Instant now) {
        ListQuery<ArticleRow> query = matching(f, categoryIds, authorId, now).timeout(statementTimeout);
        if (f.q() == null) {
            // A search's count is over its candidates, which its key would have to carry: it is counted each time.
            return query.countedIn(counts, "now");
        }
        search.match(query, f.q(), f.locales());
        List<SortKey<ArticleRow>> newestFirst = Sorting.parse(null, "-publishedAt",
                sortable(f.includeUnpublished(), false), ID);
        List<UUID> candidates = query.select(getEntityManager(), "a.id", "", Sorting.orderBy(newestFirst), UUID.class,
                searchCandidates);
        ListQuery<ArticleRow> within = new ListQuery<>(ArticleRow.class, "a", "Article a", ROW_JOINS)
                .timeout(statementTimeout);
        // An empty IN list is not valid SQL everywhere.
        if (candidates.isEmpty()) {
            return within.where("1 = 0");
        }
        where(within, "a.id", InList.of("candidates", candidates));
        return within;
    }

    private ListQuery<ArticleRow> matching(ArticleListRequest.Filter f, Collection<UUID> categoryIds,
            UUID authorId, Instant now) {
        ListQuery<ArticleRow> query = new ListQuery<>(ArticleRow.class, "a", "Article a", ROW_JOINS);
        if (!f.includeUnpublished()) {
            query.where(PUBLIC_STATUS).where("a.publishedAt <= :now", "now", now);
        }
        if (!onlyTheDefaultLocale(f.locales())) {
            inLocales(query, f.locales(), f.includeUnpublished());
        }
        if (f.statuses() != null) {
            where(query, "a.status", InList.of("statuses", f.statuses()));
        }
        if (categoryIds != null) {
            where(query, "a.category.id", InList.of("categoryIds", categoryIds));
        }
        if (authorId != null) {
            query.where("exists (select 1 from Article credited join credited.authors au "
                    + "where credited = a and au.id = :authorId)", "authorId", authorId);
        }
        if (f.tags() != null) {
            InList tags = InList.of("tags", f.tags());
            query.where("exists (select 1 from Article tagged join tagged.tags t where tagged = a and " + tags.in("t")
                    + ")");
            tags.bind(query::param);
        }
        if (f.categoryOrTags() != null) {
            InList names = InList.of("categoryOrTags", f.categoryOrTags());
            query.where("(" + names.in("a.category.slug") + " or exists (select 1 from Article ct join ct.tags t "
                    + "where ct = a and " + names.in("t") + "))");
            names.bind(query::param);
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

    /** Whether {@code choice} asks for the default locale alone where every article is in it (see StoredLocales). */
    private boolean onlyTheDefaultLocale(LocaleChoice choice) {
        return !choice.all() && choice.chain().equals(List.of(locales.defaultLocale())) && stored.onlyTheDefault();
    }

    /**
     * Each article once, in the best of its translations along {@code choice}'s chain that the caller may see: one
     * in a locale of the chain, with no translation in a better locale that the caller may see. The locales are
     * literals (configured tags, checked at start), so that each chain is one query plan.
     */
    private static void inLocales(ListQuery<ArticleRow> query, LocaleChoice choice, boolean includeUnpublished) {
        if (choice.all()) {
            return;
        }
        List<String> chain = choice.chain();
        query.where("a.locale in (" + LocaleTags.sqlList(chain) + ")");
        if (chain.size() == 1) {
            return;
        }
        StringBuilder rank = new StringBuilder("case %s.locale");
        for (int i = 0; i < chain.size(); i++) {
            rank.append(" when '").append(chain.get(i)).append("' then ").append(i);
        }
        String ranked = rank.append(" end").toString();
        query.where("not exists (select 1 from Article b where (b.id = coalesce(a.translationGroup, a.id) "
                + "or b.translationGroup = coalesce(a.translationGroup, a.id)) and b.locale in (" + LocaleTags.sqlList(chain)
                + ") and " + ranked.formatted("b") + " < " + ranked.formatted("a")
                + (includeUnpublished ? "" : " and " + publicStatus("b") + " and b.publishedAt <= :now")
                + ")");
    }

    /** {@code path in (...)} (see InList), with its values bound. */
    private static void where(ListQuery<?> query, String path, InList values) {
        query.where(values.in(path));
        values.bind(query::param);
    }

    /** The distinct tags of the articles the public sees at {@code now}, alphabetically, at most {@code limit}. */
    public List<String> publicTags(Instant now, int limit) {
        return getEntityManager().createQuery("select distinct t from Article a join a.tags t "
                        + "where " + PUBLIC_STATUS + " and a.publishedAt <= :now order by t", String.class)
                .setParameter("now", now).setMaxResults(limit)
                .getResultList();
    }

    /**
     * The newest articles the caller may see that share the category, a tag or an author with
     * {@code article} (a row with its credits): the candidates from which related articles are ranked, without their
     * bodies, authors and tags.
     */
    public List<ArticleRow> relatedCandidates(ArticleRow article, LocaleChoice choice, boolean includeUnpublished,
            Instant now, int limit) {
        ListQuery<ArticleRow> query = matching(new ArticleListRequest.Filter(includeUnpublished, null, null, false, null,
                null, null, null, null, null, null, null, choice), null, null, now);
        // An IN list needs a value: no tag equals the empty string, no author has the nil id.
        InList tags = InList.of("relatedTags", article.tags().isEmpty() ? List.of("") : article.tags());
        InList authors = InList.of("relatedAuthors", article.authors().isEmpty() ? List.of(new UUID(0, 0))
                : article.authors().stream().map(AuthorView::id).toList());
        query.where("a.id <> :self", "self", article.id())
                .where("(a.category.id = :category"
                        + " or exists (select 1 from Article t join t.tags tag where t = a and " + tags.in("tag") + ")"
                        + " or exists (select 1 from Article c join c.authors au where c = a and " + authors.in("au.id")
                        + "))")
                .param("category", article.category().id())
                .selecting(row(BodyNeeds.NONE));
        tags.bind(query::param);
        authors.bind(query::param);
        List<SortKey<ArticleRow>> newestFirst = Sorting.parse(null, "-publishedAt", sortable(includeUnpublished, false),
                ID);
        return query.fetch(getEntityManager(), newestFirst, new PageRequest(1, limit, null, false)).items();
    }

    /**
     * The article a write is about, locked until the write commits: concurrent writes to one article take turns, so
     * an If-Match check and the write it guards see the same state, and revision numbers never collide.
     */
    public Optional<Article> findForUpdate(String idOrSlug) {
        return findByIdOrSlug(idOrSlug, LockModeType.PESSIMISTIC_WRITE);
    }

    /** By id, or by slug: a slug that several translations share names the default locale's, else the first. */
    @Override
    public Optional<Article> findByIdOrSlug(String idOrSlug, LockModeType lock) {
        Optional<UUID> id = SluggedRepository.parseId(idOrSlug);
        return id.isPresent() ? findByIdOptional(id.get(), lock)
                : find("slug = ?1 order by case when locale = ?2 then 0 else 1 end, locale", idOrSlug,
                        locales.defaultLocale()).withLock(lock).firstResultOptional();
    }

    /** A slug is taken in the default locale (see {@link #slugTaken(String, String, UUID)}). */
    @Override
    public boolean slugTaken(String slug, UUID exceptId) {
        return slugTaken(slug, locales.defaultLocale(), exceptId);
    }

    /** A slug is taken in a locale by another translation that has it now or had it before (its links lead there). */
    public boolean slugTaken(String slug, String locale, UUID exceptId) {
        return (exceptId == null ? count("slug = ?1 and locale = ?2", slug, locale)
                : count("slug = ?1 and locale = ?2 and id <> ?3", slug, locale, exceptId)) > 0
                || formerOwner(slug, locale).filter(owner -> !owner.equals(exceptId)).isPresent();
    }

    /** The slug a translation's write ends up with, free in its locale (see SluggedRepository#claimSlug). */
    public String claimSlug(String requested, String title, String locale, UUID selfId) {
        return SluggedRepository.claim(requested, title, "article", candidate -> slugTaken(candidate, locale, selfId));
    }

    /** The translation that had {@code slug} before it changed, the best of {@code choice}'s chain first. */
    public Optional<Article> findByFormerSlug(String slug, LocaleChoice choice) {
        return getEntityManager().createQuery("from FormerSlug f where f.slug = :slug", FormerSlug.class)
                .setParameter("slug", slug).setMaxResults(MAX_LOCALES).getResultStream()
                .min(Comparator.comparingInt((FormerSlug f) -> choice.rank(f.locale)).thenComparing(f -> f.locale))
                .flatMap(f -> findByIdOptional(f.articleId));
    }

    /** Keeps {@code previous} leading to the translation, and frees its new slug if it is one it had before. */
    public void slugChanged(Article article, String previous) {
        FormerSlug reclaimed = getEntityManager().find(FormerSlug.class, new FormerSlug.Key(article.slug, article.locale));
        if (reclaimed != null) {
            getEntityManager().remove(reclaimed);
        }
        getEntityManager().persist(new FormerSlug(previous, article.locale, article.id));
    }

    private Optional<UUID> formerOwner(String slug, String locale) {
        return Optional.ofNullable(getEntityManager().find(FormerSlug.class, new FormerSlug.Key(slug, locale)))
                .map(former -> former.articleId);
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
    private static final String PUBLIC_OLDEST_FIRST = "from Article a join a.category c where " + PUBLIC_STATUS
            + " and a.publishedAt <= :now %s order by a.publishedAt asc nulls last, a.id asc nulls first";

    /**
     * Where the articles the public sees at {@code now} are, oldest first (so that a page of a sitemap keeps its
     * articles as new ones come), {@code limit} of them from the one at {@code from} (keyset: one index range, however
     * far into the list), or from the first; only the few columns an address needs, no body.
     *
     * @param locale the locale of the translations to list, or null for all
     */
    public List<ArticleLocation> publicLocations(Instant now, Optional<ArticleLocation.Key> from, int limit,
            String locale) {
        var query = getEntityManager().createQuery("select new io.headline.article.ArticleLocation(a.id, a.slug, "
                        + "c.slug, a.publishedAt, a.updatedAt, a.locale, coalesce(a.translationGroup, a.id)) "
                        + PUBLIC_OLDEST_FIRST.formatted((from.isEmpty() ? ""
                        : "and (a.publishedAt, a.id) >= (:fromPublished, :fromId)") + inLocale(locale)),
                        ArticleLocation.class)
                .setParameter("now", now);
        from.ifPresent(key -> query.setParameter("fromPublished", key.publishedAt()).setParameter("fromId", key.id()));
        if (locale != null) {
            query.setParameter("locale", locale);
        }
        return query.setMaxResults(limit).getResultList();
    }

    /**
     * Where each page of {@code perPage} of {@link #publicLocations} starts: the first article, then every
     * {@code perPage}th, at most {@code maxPages}. One pass over the index's two columns, no row of the table itself
     * (but for a locale, whose rows it reads).
     */
    public List<ArticleLocation.Key> publicPageStarts(Instant now, int perPage, int maxPages, String locale) {
        var query = getEntityManager().createQuery("select new io.headline.article.ArticleLocation$Key(p.publishedAt, "
                        + "p.id) from (select a.publishedAt publishedAt, a.id id, row_number() over (order by "
                        + "a.publishedAt asc nulls last, a.id asc nulls first) position from Article a where "
                        + PUBLIC_STATUS + " and a.publishedAt <= :now" + inLocale(locale) + ") p "
                        + "where mod(p.position - 1, :perPage) = 0 "
                        + "order by p.publishedAt asc nulls last, p.id asc nulls first", ArticleLocation.Key.class)
                .setParameter("now", now)
                .setParameter("perPage", (long) perPage);
        if (locale != null) {
            query.setParameter("locale", locale);
        }
        return query.setMaxResults(maxPages).getResultList();
    }

    private static String inLocale(String locale) {
        return locale == null ? "" : " and a.locale = :locale";
    }

    /** The first moment after {@code now} at which an article becomes public by itself (see {@link Article#isPublicAt}). */
    public Optional<Instant> nextPublicationAfter(Instant now) {
        return Optional.ofNullable(getEntityManager().createQuery("select min(a.publishedAt) from Article a "
                + "where " + PUBLIC_STATUS + " and a.publishedAt > ?1", Instant.class)
                .setParameter(1, now).getSingleResult());
    }
}
