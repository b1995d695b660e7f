package io.headline.transfer;

import io.headline.locale.Locales;
import io.headline.article.ArticleChanges;
import io.headline.article.ArticleImages;
import io.headline.article.ArticleRules;
import io.headline.article.ArticleStatus;
import io.headline.article.SharedFields;
import io.headline.category.CategoryRules;
import io.headline.change.Change;
import io.headline.change.ChangeKind;
import io.headline.change.ChangeRecorder;
import io.headline.change.ResourceType;
import io.headline.common.error.ProblemException;
import io.headline.rendering.MarkdownRenderer;
import io.headline.rendering.Rendered;
import io.headline.transfer.ImportRow.ArticleRow;
import io.headline.transfer.ImportRow.AuthorRow;
import io.headline.transfer.ImportRow.CategoryRow;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.hibernate.id.uuid.UuidVersion7Strategy;
import org.jboss.logging.Logger;

/**
 * Writes one batch of import rows with plain JDBC, in the caller's transaction: each row is upserted by its key (an
 * article's externalId when it has one, else its slug within its locale), and compared with what is stored first, so that a rerun
 * writes nothing for rows it already imported. New rows go in as multi-row inserts, which both databases take in one
 * statement per few hundred rows. Standard SQL only: one code path for H2 and PostgreSQL.
 *
 * <p>A row obeys the rules an API write obeys, from the packages that own them (ArticleRules, CategoryRules, the
 * media of ArticleImages), and its changes are recorded as an API write's are (ChangeRecorder), once for the batch:
 * one write path with two entry points (issue #19). A row that breaks a rule fails alone, with the reason the API
 * would give; what only the database can refuse fails the whole batch. What is the import's own: it upserts by key,
 * creates the categories and authors a row names that do not exist yet, links the rows of one translation group key
 * as translations, and lets a group's default-locale row decide what its translations share (an API write shares
 * what it writes, whichever translation it is; an import's lines come in any order, and a WordPress post's
 * translations often have categories of their own).
 */
@ApplicationScoped
class ImportWriter {

    enum Result { CREATED, UPDATED, UNCHANGED }

    /** What became of one row: a result, or the reason it failed. */
    record Outcome(ImportRow row, Result result, String reason) {

        static Outcome failed(ImportRow row, String reason) {
            return new Outcome(row, null, reason);
        }
    }

    private static final String[] ARTICLE_COLUMNS = {"id", "slug", "external_id", "title", "subtitle", "excerpt", "body",
        "body_html", "body_text", "word_count", "status", "featured", "published_at", "category_id", "feature_image_url",
        "feature_media_id", "translation_group", "created_at", "updated_at", "version", "locale"};

    private static final Logger LOG = Logger.getLogger(ImportWriter.class);

    private final DataSource dataSource;
    private final ChangeRecorder recorder;
    private final CategoryRules categoryRules;
    private final ArticleImages images;
    private final Locales locales;

    ImportWriter(DataSource dataSource, ChangeRecorder recorder, CategoryRules categoryRules, ArticleImages images,
            Locales locales) {
        this.locales = locales;
        this.dataSource = dataSource;
        this.recorder = recorder;
        this.categoryRules = categoryRules;
        this.images = images;
    }

    /**
     * Writes the rows (in a transaction the caller began) and returns their outcomes in the rows' order.
     *
     * @param keys the translation group each key names, in the run the batch is part of
     */
    List<Outcome> write(List<ImportRow> rows, Instant now, GroupKeys keys) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            BatchWrite batch = new BatchWrite(connection, now, categoryRules, images, locales, keys);
            // By identity: a row holds its whole body, too long to hash for a lookup.
            Map<ImportRow, Outcome> outcomes = new IdentityHashMap<>();
            batch.categories(rows, outcomes);
            batch.authors(rows, outcomes);
            batch.articles(rows, outcomes);
            // Last, as every write does: one change per row written, serialized from here to the batch's commit.
            recorder.record(connection, batch.logged);
            return rows.stream().map(outcomes::get).toList();
        }
    }

    /**
     * Has the database recompute its planner statistics once a bulk import has written: until its own background
     * analysis comes round, the planner would take the tables for nearly empty and choose plans that read them whole
     * (a tag filter over 10,000 imported articles took 51 ms instead of 1 ms on PostgreSQL).
     */
    void refreshStatistics() {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            // H2 analyzes one table at a time and says so (ANALYZE TABLE t); PostgreSQL's ANALYZE takes the names.
            String analyze = "H2".equals(connection.getMetaData().getDatabaseProductName()) ? "analyze table " : "analyze ";
            for (String table : List.of("category", "author", "article", "article_author", "article_tag")) {
                statement.execute(analyze + table);
            }
        } catch (SQLException e) {
            // What was imported stays imported; the database's own analysis catches up later.
            LOG.warnf(e, "The import was written, but the database's statistics could not be refreshed");
        }
    }

    private record CategoryState(UUID id, String name, String description, UUID parentId) {
    }

    private record AuthorState(UUID id, String name, String bio, String avatarUrl, String websiteUrl, String email) {
    }

    private record ArticleState(UUID id, String slug, String externalId, String title, String subtitle, String excerpt,
            String body, ArticleStatus status, Instant publishedAt, SharedFields shared, String locale,
            UUID translationGroup) {

        UUID group() {
            return translationGroup != null ? translationGroup : id;
        }

        ArticleState sharing(SharedFields other) {
            return new ArticleState(id, slug, externalId, title, subtitle, excerpt, body, status, publishedAt, other,
                    locale, translationGroup);
        }
    }

    /**
     * The translation group each key of one import run names (an NDJSON line's translationGroup, a Polylang group):
     * the group of the first of its rows written. A batch's keys count once it commits; one it rolls back forgets
     * them. Only the run's one writing thread uses it.
     */
    static final class GroupKeys {

        private final Map<String, UUID> committed = new HashMap<>();
        private final Map<String, UUID> pending = new HashMap<>();

        UUID get(String key) {
            UUID group = pending.get(key);
            return group != null ? group : committed.get(key);
        }

        void putIfAbsent(String key, UUID group) {
            if (get(key) == null) {
                pending.put(key, group);
            }
        }

        void commit() {
            committed.putAll(pending);
            pending.clear();
        }

        void rollBack() {
            pending.clear();
        }
    }

    /**
     * The translation groups a batch's articles are in: each one's translations by locale, and what its translation
     * in the default locale shares, which decides what the group shares.
     */
    private static final class Groups {

        private final GroupKeys keys;
        private final String defaultLocale;
        final Map<UUID, Map<String, UUID>> translations = new HashMap<>();
        final Map<UUID, SharedFields> decided = new HashMap<>();
        /** Each group whose shared fields a row of the batch wrote, to that row: its translations take them on. */
        final Map<UUID, ArticleState> shared = new HashMap<>();

        Groups(GroupKeys keys, String defaultLocale) {
            this.keys = keys;
            this.defaultLocale = defaultLocale;
        }

        void add(UUID group, String locale, UUID id) {
            translations.computeIfAbsent(group, k -> new HashMap<>()).put(locale, id);
        }

        /** The group a row's key names, or {@code own} (the row's article's) when it names none yet. */
        UUID named(String key, UUID own) {
            UUID named = key == null ? null : keys.get(key);
            return named != null ? named : own;
        }

        UUID translation(UUID group, String locale) {
            return translations.getOrDefault(group, Map.of()).get(locale);
        }

        /** What the group's translation in the default locale shares, or null when it has none. */
        SharedFields decided(UUID group) {
            return decided.get(group);
        }

        /**
         * Counts the row's article among its group's translations (and the group as its key's); true when the row
         * decides what the group shares and the group has other translations to take it on.
         */
        boolean joined(ArticleRow row, ArticleState existing, ArticleState wanted, boolean decides) {
            UUID group = wanted.group();
            if (row.group() != null) {
                keys.putIfAbsent(row.group(), group);
            }
            if (existing != null && !existing.group().equals(group)) {
                translations.getOrDefault(existing.group(), new HashMap<>()).remove(existing.locale());
            }
            add(group, row.locale(), wanted.id());
            if (decides && row.locale().equals(defaultLocale)) {
                decided.put(group, wanted.shared());
            }
            return decides && translations.get(group).size() > 1;
        }

        void share(UUID group, ArticleState by) {
            shared.put(group, by);
        }
    }

    private static final class BatchWrite {

        private final Connection connection;
        private final OffsetDateTime now;
        private final Map<String, CategoryState> categories = new HashMap<>();
        private final Map<String, AuthorState> authors = new HashMap<>();
        private final CategoryRules categoryRules;
        private final ArticleImages images;
        /** The batch's changes, in the order they were written. */
        final List<Change> logged = new ArrayList<>();
        private final String defaultLocale;
        /** Whether articles may have translations: more than one locale is configured. */
        private final boolean grouped;
        private final GroupKeys keys;

        BatchWrite(Connection connection, Instant now, CategoryRules categoryRules, ArticleImages images,
                Locales locales, GroupKeys keys) {
            this.defaultLocale = locales.defaultLocale();
            this.grouped = locales.multiple();
            this.keys = keys;
            this.connection = connection;
            this.categoryRules = categoryRules;
            this.images = images;
            this.now = OffsetDateTime.ofInstant(now, ZoneOffset.UTC);
        }

        // --- categories ------------------------------------------------------------------------------------------

        void categories(List<ImportRow> rows, Map<ImportRow, Outcome> outcomes) throws SQLException {
            Set<String> slugs = new HashSet<>();
            boolean parents = false;
            for (ImportRow row : rows) {
                if (row instanceof CategoryRow c) {
                    slugs.add(c.slug());
                    if (c.parent() != null) {
                        slugs.add(c.parent());
                        parents = true;
                    }
                } else if (row instanceof ArticleRow a) {
                    slugs.add(a.category());
                }
            }
            if (parents) {
                categoryRules.takeTurnsOnTheTree();
            }
            select("select id, slug, name, description, parent_id from category where slug in (%s)", slugs, rs ->
                    categories.put(rs.getString(2), new CategoryState(rs.getObject(1, UUID.class), rs.getString(3),
                            rs.getString(4), rs.getObject(5, UUID.class))));
            for (ImportRow row : rows) {
                if (row instanceof CategoryRow c) {
                    outcomes.put(row, category(c));
                }
            }
        }

        private Outcome category(CategoryRow row) throws SQLException {
            if (row.createOnly() && categories.containsKey(row.slug())) {
                return new Outcome(row, Result.UNCHANGED, null);
            }
            UUID parentId = null;
            if (row.parent() != null) {
                CategoryState parent = ensureCategory(row.parent());
                if (parent == null) {
                    return Outcome.failed(row, "parent: no category '" + row.parent() + "', and its name derived from the "
                            + "slug is taken");
                }
                parentId = parent.id();
            }
            CategoryState existing = categories.get(row.slug());
            if (existing != null && existing.name().equals(row.name())
                    && Objects.equals(existing.description(), row.description())
                    && Objects.equals(existing.parentId(), parentId)) {
                return new Outcome(row, Result.UNCHANGED, null);
            }
            try {
                categoryRules.requireNameFree(row.name(), existing == null ? null : existing.id());
                if (existing != null && parentId != null && !parentId.equals(existing.parentId())) {
                    categoryRules.requireNoCycle(existing.id(), row.slug(), parentId, row.parent());
                }
            } catch (ProblemException refused) {
                return Outcome.failed(row, LineParser.reason(refused));
            }
            if (existing == null) {
                insertCategory(row.slug(), row.name(), row.description(), parentId);
                return new Outcome(row, Result.CREATED, null);
            }
            update("update category set name = ?, description = ?, parent_id = ?, updated_at = ?, version = version + 1 "
                    + "where id = ?", row.name(), row.description(), parentId, now, existing.id());
            categories.put(row.slug(), new CategoryState(existing.id(), row.name(), row.description(), parentId));
            logged.add(Change.of(ResourceType.category, existing.id(), row.slug(), ChangeKind.updated));
            return new Outcome(row, Result.UPDATED, null);
        }

        /** The category a row refers to, created (named after its slug) when missing; null if that name is taken. */
        private CategoryState ensureCategory(String slug) throws SQLException {
            CategoryState known = categories.get(slug);
            if (known != null) {
                return known;
            }
            String name = nameOf(slug);
            if (categoryRules.nameTaken(name, null)) {
                name = name + " (" + slug + ")";
                if (categoryRules.nameTaken(name, null)) {
                    return null;
                }
            }
            return insertCategory(slug, name, null, null);
        }

        private CategoryState insertCategory(String slug, String name, String description, UUID parentId)
                throws SQLException {
            UUID id = newId();
            update("insert into category (id, slug, name, description, parent_id, created_at, updated_at, version) "
                    + "values (?, ?, ?, ?, ?, ?, ?, 0)", id, slug, name, description, parentId, now, now);
            CategoryState created = new CategoryState(id, name, description, parentId);
            categories.put(slug, created);
            logged.add(Change.of(ResourceType.category, id, slug, ChangeKind.created));
            return created;
        }

        // --- authors ---------------------------------------------------------------------------------------------

        void authors(List<ImportRow> rows, Map<ImportRow, Outcome> outcomes) throws SQLException {
            Set<String> slugs = new HashSet<>();
            for (ImportRow row : rows) {
                if (row instanceof AuthorRow a) {
                    slugs.add(a.slug());
                } else if (row instanceof ArticleRow a) {
                    slugs.addAll(a.authors());
                }
            }
            select("select id, slug, name, bio, avatar_url, website_url, email from author where slug in (%s)", slugs, rs ->
                    authors.put(rs.getString(2), new AuthorState(rs.getObject(1, UUID.class), rs.getString(3),
                            rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7))));
            for (ImportRow row : rows) {
                if (row instanceof AuthorRow a) {
                    outcomes.put(row, author(a));
                }
            }
        }

        private Outcome author(AuthorRow row) throws SQLException {
            AuthorState wanted = new AuthorState(null, row.name(), row.bio(), row.avatarUrl(), row.websiteUrl(),
                    row.email());
            AuthorState existing = authors.get(row.slug());
            if (existing == null) {
                insertAuthor(row.slug(), wanted);
                return new Outcome(row, Result.CREATED, null);
            }
            if (row.createOnly() || new AuthorState(null, existing.name(), existing.bio(), existing.avatarUrl(),
                    existing.websiteUrl(), existing.email()).equals(wanted)) {
                return new Outcome(row, Result.UNCHANGED, null);
            }
            update("update author set name = ?, bio = ?, avatar_url = ?, website_url = ?, email = ?, updated_at = ?, "
                    + "version = version + 1 where id = ?", row.name(), row.bio(), row.avatarUrl(), row.websiteUrl(),
                    row.email(), now, existing.id());
            authors.put(row.slug(), new AuthorState(existing.id(), row.name(), row.bio(), row.avatarUrl(),
                    row.websiteUrl(), row.email()));
            logged.add(Change.of(ResourceType.author, existing.id(), row.slug(), ChangeKind.updated));
            return new Outcome(row, Result.UPDATED, null);
        }

        private AuthorState ensureAuthor(String slug) throws SQLException {
            AuthorState known = authors.get(slug);
            return known != null ? known : insertAuthor(slug, new AuthorState(null, nameOf(slug), null, null, null, null));
        }

        private AuthorState insertAuthor(String slug, AuthorState a) throws SQLException {
            UUID id = newId();
            update("insert into author (id, slug, name, bio, avatar_url, website_url, email, created_at, updated_at, "
                    + "version) values (?, ?, ?, ?, ?, ?, ?, ?, ?, 0)", id, slug, a.name(), a.bio(), a.avatarUrl(),
                    a.websiteUrl(), a.email(), now, now);
            AuthorState created = new AuthorState(id, a.name(), a.bio(), a.avatarUrl(), a.websiteUrl(), a.email());
            authors.put(slug, created);
            logged.add(Change.of(ResourceType.author, id, slug, ChangeKind.created));
            return created;
        }

        // --- articles --------------------------------------------------------------------------------------------

        void articles(List<ImportRow> rows, Map<ImportRow, Outcome> outcomes) throws SQLException {
            List<ArticleRow> articleRows = rows.stream().filter(ArticleRow.class::isInstance).map(ArticleRow.class::cast)
                    .toList();
            if (articleRows.isEmpty()) {
                return;
            }
            Map<String, ArticleState> bySlug = new HashMap<>();
            Map<String, ArticleState> byExternalId = new HashMap<>();
            loadArticles(articleRows, bySlug, byExternalId);
            Groups groups = grouped || articleRows.stream().anyMatch(r -> r.group() != null)
                    ? loadGroups(articleRows, bySlug.values()) : null;
            Map<String, UUID> formerOwners = new HashMap<>();
            select("select slug, locale, article_id from article_slug_history where slug in (%s)",
                    articleRows.stream().map(ArticleRow::slug).toList(),
                    rs -> formerOwners.put(inLocale(rs.getString(2), rs.getString(1)), rs.getObject(3, UUID.class)));

            List<Object[]> inserts = new ArrayList<>();
            List<Object[]> updates = new ArrayList<>();
            List<UUID> replacedLinks = new ArrayList<>();
            List<Object[]> authorLinks = new ArrayList<>();
            List<Object[]> tagLinks = new ArrayList<>();
            List<ArticleState> mediaUsers = new ArrayList<>();
            for (ArticleRow row : articleRows) {
                String slugKey = inLocale(row.locale(), row.slug());
                ArticleState existing = row.externalId() == null ? null : byExternalId.get(row.externalId());
                if (existing == null) {
                    existing = bySlug.get(slugKey);
                    if (existing != null && row.externalId() != null && existing.externalId() != null) {
                        outcomes.put(row, Outcome.failed(row, "slug: '" + row.slug() + "' is taken by the article with "
                                + "externalId '" + existing.externalId() + "'"));
                        continue;
                    }
                } else if (!existing.locale().equals(row.locale())) {
                    outcomes.put(row, Outcome.failed(row, "externalId: '" + row.externalId() + "' is the article's "
                            + "in '" + existing.locale() + "': each translation has an externalId of its own"));
                    continue;
                } else if (!existing.slug().equals(row.slug()) && bySlug.containsKey(slugKey)) {
                    outcomes.put(row, Outcome.failed(row, "slug: '" + row.slug() + "' is taken by another article"));
                    continue;
                }
                UUID formerOwner = formerOwners.get(slugKey);
                if (formerOwner != null && (existing == null || !formerOwner.equals(existing.id()))) {
                    outcomes.put(row, Outcome.failed(row, "slug: '" + row.slug() + "' was another article's slug, and its "
                            + "links still lead there"));
                    continue;
                }
                UUID id = existing == null ? newId() : existing.id();
                UUID group = existing == null ? id : existing.group();
                if (groups != null) {
                    group = groups.named(row.group(), group);
                    UUID other = groups.translation(group, row.locale());
                    if (other != null && !other.equals(id)) {
                        outcomes.put(row, Outcome.failed(row, LineParser.GROUP + ": its article already has a "
                                + "translation in '" + row.locale() + "'"));
                        continue;
                    }
                }
                // What the translations share is decided by the one in the default locale: another takes it on.
                SharedFields shared = groups == null || row.locale().equals(defaultLocale) ? null : groups.decided(group);
                // The rules first: a refused line creates no category or author either.
                boolean namesMedia = !MarkdownRenderer.mediaIds(row.body()).isEmpty();
                ArticleRules.Publication publication;
                ArticleImages.Feature feature;
                Rendered rendered;
                try {
                    publication = ArticleRules.publication(existing == null ? null : existing.status(),
                            existing == null ? null : existing.publishedAt(), row.status(), row.publishedAt(),
                            now.toInstant());
                    feature = shared != null ? null : row.keepsFeature() && existing != null
                            ? new ArticleImages.Feature(existing.shared().featureMediaId(),
                                    existing.shared().featureImageUrl())
                            : images.feature(row.featureImage(), row.featureImageUrl());
                    rendered = namesMedia ? images.render(row.body()) : row.rendered();
                } catch (ProblemException refused) {
                    outcomes.put(row, Outcome.failed(row, LineParser.reason(refused)));
                    continue;
                }
                boolean decides = shared == null;
                if (decides) {
                    CategoryState category = ensureCategory(row.category());
                    if (category == null) {
                        outcomes.put(row, Outcome.failed(row, "category: no category '" + row.category() + "', and its "
                                + "name derived from the slug is taken"));
                        continue;
                    }
                    List<UUID> authorIds = new ArrayList<>();
                    for (String slug : row.authors()) {
                        authorIds.add(ensureAuthor(slug).id());
                    }
                    shared = new SharedFields(category.id(), authorIds, row.tags(), row.featured(), feature.url(),
                            feature.mediaId());
                }
                ArticleStatus status = publication.status();
                Instant publishedAt = publication.publishedAt();
                String externalId = row.externalId() != null ? row.externalId()
                        : existing == null ? null : existing.externalId();
                ArticleState wanted = new ArticleState(id, row.slug(), externalId, row.title(), row.subtitle(),
                        row.excerpt(), row.body(), status, publishedAt, shared, row.locale(),
                        group.equals(id) ? null : group);
                boolean shares = groups != null && groups.joined(row, existing, wanted, decides);
                if (wanted.equals(existing)) {
                    outcomes.put(row, new Outcome(row, Result.UNCHANGED, null));
                    continue;
                }
                if (shares) {
                    groups.share(group, wanted);
                }
                Object[] values = {id, row.slug(), externalId, row.title(), row.subtitle(), row.excerpt(),
                    row.body(), rendered.html(), rendered.text(), rendered.wordCount(), status.name(),
                    shared.featured(), publishedAt == null ? null : OffsetDateTime.ofInstant(publishedAt, ZoneOffset.UTC),
                    shared.categoryId(), shared.featureImageUrl(), shared.featureMediaId(), wanted.translationGroup()};
                if (existing == null) {
                    inserts.add(append(values, now, now, 0L, row.locale()));
                } else {
                    updates.add(append(values, now));
                    replacedLinks.add(id);
                    if (!existing.slug().equals(row.slug())) {
                        // As an API write does: the old slug keeps leading to the article, and a former slug it takes
                        // back is its own again.
                        update("delete from article_slug_history where slug = ? and locale = ?", row.slug(),
                                row.locale());
                        update("insert into article_slug_history (slug, locale, article_id) values (?, ?, ?)",
                                existing.slug(), row.locale(), id);
                    }
                }
                links(wanted, authorLinks, tagLinks);
                if (existing != null || shared.featureMediaId() != null || namesMedia) {
                    mediaUsers.add(wanted);
                }
                logged.add(ArticleChanges.written(id, row.slug(), row.locale(), existing == null
                        ? ArticleChanges.Before.NONE : ArticleChanges.Before.of(existing.status(),
                                existing.publishedAt(), now.toInstant()), status, publishedAt, now.toInstant()));
                outcomes.put(row, new Outcome(row, existing == null ? Result.CREATED : Result.UPDATED, null));
            }
            insertRows("article", ARTICLE_COLUMNS, inserts);
            if (!updates.isEmpty()) {
                try (PreparedStatement s = connection.prepareStatement("update article set slug = ?, external_id = ?, "
                        + "title = ?, subtitle = ?, excerpt = ?, body = ?, body_html = ?, body_text = ?, word_count = ?, "
                        + "status = ?, featured = ?, published_at = ?, category_id = ?, feature_image_url = ?, "
                        + "feature_media_id = ?, translation_group = ?, updated_at = ?, version = version + 1 "
                        + "where id = ?")) {
                    for (Object[] u : updates) {
                        for (int i = 1; i < u.length; i++) {
                            s.setObject(i, u[i]);
                        }
                        s.setObject(u.length, u[0]);
                        s.addBatch();
                    }
                    s.executeBatch();
                }
            }
            replaceLinks(replacedLinks, authorLinks, tagLinks);
            if (groups != null) {
                // After the rows' own links, so that the translations are compared with what the batch wrote.
                shareWithTranslations(groups.shared, mediaUsers);
            }
            // After the articles' rows, which article_media refers to; flushed before the change log is appended.
            for (ArticleState article : mediaUsers) {
                images.recordUse(article.id(), article.shared().featureMediaId(), article.body());
            }
        }

        private static void links(ArticleState article, List<Object[]> authorLinks, List<Object[]> tagLinks) {
            List<UUID> authorIds = article.shared().authorIds();
            for (int i = 0; i < authorIds.size(); i++) {
                authorLinks.add(new Object[] {article.id(), i, authorIds.get(i)});
            }
            List<String> tags = article.shared().tags();
            for (int i = 0; i < tags.size(); i++) {
                tagLinks.add(new Object[] {article.id(), i, tags.get(i)});
            }
        }

        /**
         * Writes what each group's deciding row shares to the group's other translations where it differs, as an API
         * write shares it (ArticleService): each such translation is written, and its change recorded.
         */
        private void shareWithTranslations(Map<UUID, ArticleState> shared, List<ArticleState> mediaUsers)
                throws SQLException {
            if (shared.isEmpty()) {
                return;
            }
            List<UUID> replacedLinks = new ArrayList<>();
            List<Object[]> authorLinks = new ArrayList<>();
            List<Object[]> tagLinks = new ArrayList<>();
            List<ArticleState> members = new ArrayList<>(states("id in (%s)", shared.keySet()));
            members.addAll(states("translation_group in (%s)", shared.keySet()));
            for (ArticleState member : members) {
                ArticleState decider = shared.get(member.group());
                if (decider == null || decider.id().equals(member.id()) || decider.shared().equals(member.shared())) {
                    continue;
                }
                SharedFields s = decider.shared();
                update("update article set category_id = ?, featured = ?, feature_image_url = ?, feature_media_id = ?, "
                        + "updated_at = ?, version = version + 1 where id = ?", s.categoryId(), s.featured(),
                        s.featureImageUrl(), s.featureMediaId(), now, member.id());
                ArticleState written = member.sharing(s);
                replacedLinks.add(member.id());
                links(written, authorLinks, tagLinks);
                mediaUsers.add(written);
                ArticleChanges.Before before = ArticleChanges.Before.of(member.status(), member.publishedAt(),
                        now.toInstant());
                logged.add(ArticleChanges.written(member.id(), member.slug(), member.locale(), before, member.status(),
                        member.publishedAt(), now.toInstant()));
            }
            replaceLinks(replacedLinks, authorLinks, tagLinks);
        }

        /** The authors and tags of the articles {@code replaced} names (their links are deleted first). */
        private void replaceLinks(List<UUID> replaced, List<Object[]> authorLinks, List<Object[]> tagLinks)
                throws SQLException {
            deleteIn("article_author", replaced);
            deleteIn("article_tag", replaced);
            insertRows("article_author", new String[] {"article_id", "position", "author_id"}, authorLinks);
            insertRows("article_tag", new String[] {"article_id", "position", "tag"}, tagLinks);
        }

        /** The translation groups of the rows' articles, and the group each key of the run names. */
        private Groups loadGroups(List<ArticleRow> rows, Collection<ArticleState> found) throws SQLException {
            Set<UUID> ids = new HashSet<>();
            found.forEach(state -> ids.add(state.group()));
            rows.stream().map(ArticleRow::group).filter(Objects::nonNull).map(keys::get).filter(Objects::nonNull)
                    .forEach(ids::add);
            Groups groups = new Groups(keys, defaultLocale);
            if (ids.isEmpty()) {
                return groups;
            }
            Jdbc.RowReader member = rs -> {
                UUID id = rs.getObject(1, UUID.class);
                UUID group = rs.getObject(3, UUID.class);
                groups.add(group == null ? id : group, rs.getString(2), id);
            };
            select("select id, locale, translation_group from article where id in (%s)", ids, member);
            select("select id, locale, translation_group from article where translation_group in (%s)", ids, member);
            List<UUID> deciders = groups.translations.values().stream().map(t -> t.get(defaultLocale))
                    .filter(Objects::nonNull).toList();
            for (ArticleState decider : states("id in (%s)", deciders)) {
                groups.decided.put(decider.group(), decider.shared());
            }
            return groups;
        }

        private void loadArticles(List<ArticleRow> rows, Map<String, ArticleState> bySlug,
                Map<String, ArticleState> byExternalId) throws SQLException {
            Set<String> slugs = rows.stream().map(ArticleRow::slug).collect(Collectors.toSet());
            List<String> externalIds = rows.stream().map(ArticleRow::externalId).filter(Objects::nonNull).toList();
            List<ArticleState> found = new ArrayList<>(states("slug in (%s)", slugs));
            if (!externalIds.isEmpty()) {
                found.addAll(states("external_id in (%s)", externalIds));
            }
            for (ArticleState state : found) {
                bySlug.put(inLocale(state.locale(), state.slug()), state);
                if (state.externalId() != null) {
                    byExternalId.put(state.externalId(), state);
                }
            }
        }

        /** The articles {@code where} selects (its {@code in (%s)} filled by {@code values}), with their links. */
        private List<ArticleState> states(String where, Collection<?> values) throws SQLException {
            if (values.isEmpty()) {
                return List.of();
            }
            List<Object[]> found = new ArrayList<>();
            select("select id, slug, external_id, title, subtitle, excerpt, body, status, featured, published_at, "
                    + "category_id, feature_image_url, feature_media_id, locale, translation_group from article where "
                    + where, values, rs -> found.add(articleColumns(rs)));
            if (found.isEmpty()) {
                return List.of();
            }
            Set<UUID> ids = found.stream().map(f -> (UUID) f[0]).collect(Collectors.toSet());
            Map<UUID, List<UUID>> authorIds = new HashMap<>();
            Map<UUID, List<String>> tags = new HashMap<>();
            select("select article_id, author_id from article_author where article_id in (%s) order by article_id, "
                    + "position", ids, rs -> authorIds.computeIfAbsent(rs.getObject(1, UUID.class), k -> new ArrayList<>())
                    .add(rs.getObject(2, UUID.class)));
            select("select article_id, tag from article_tag where article_id in (%s) order by article_id, position", ids,
                    rs -> tags.computeIfAbsent(rs.getObject(1, UUID.class), k -> new ArrayList<>()).add(rs.getString(2)));
            List<ArticleState> states = new ArrayList<>();
            for (Object[] f : found) {
                UUID id = (UUID) f[0];
                OffsetDateTime publishedAt = (OffsetDateTime) f[9];
                states.add(new ArticleState(id, (String) f[1], (String) f[2], (String) f[3], (String) f[4],
                        (String) f[5], (String) f[6], ArticleStatus.valueOf((String) f[7]),
                        publishedAt == null ? null : publishedAt.toInstant(),
                        new SharedFields((UUID) f[10], authorIds.getOrDefault(id, List.of()), tags.getOrDefault(id, List.of()),
                                (Boolean) f[8], (String) f[11], (UUID) f[12]), (String) f[13], (UUID) f[14]));
            }
            return states;
        }

        private static Object[] articleColumns(ResultSet rs) throws SQLException {
            return new Object[] {rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getString(4),
                rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getBoolean(9),
                rs.getObject(10, OffsetDateTime.class), rs.getObject(11, UUID.class), rs.getString(12),
                rs.getObject(13, UUID.class), rs.getString(14), rs.getObject(15, UUID.class)};
        }

        private static String inLocale(String locale, String slug) {
            return locale + " " + slug;
        }

        // --- SQL -------------------------------------------------------------------------------------------------

        private void select(String sql, Collection<?> values, Jdbc.RowReader reader) throws SQLException {
            Jdbc.select(connection, sql, values, reader);
        }

        private void deleteIn(String table, List<UUID> articleIds) throws SQLException {
            for (int from = 0; from < articleIds.size(); from += 500) {
                List<UUID> chunk = articleIds.subList(from, Math.min(articleIds.size(), from + 500));
                try (PreparedStatement s = connection.prepareStatement("delete from " + table + " where article_id in ("
                        + Jdbc.placeholders(chunk.size()) + ")")) {
                    for (int i = 0; i < chunk.size(); i++) {
                        s.setObject(i + 1, chunk.get(i));
                    }
                    s.executeUpdate();
                }
            }
        }

        /** Multi-row inserts: one statement (one round trip) per few hundred rows, on both databases. */
        private void insertRows(String table, String[] columns, List<Object[]> rows) throws SQLException {
            int perStatement = Math.max(1, Math.min(250, 10_000 / columns.length));
            String tuple = "(" + Jdbc.placeholders(columns.length) + ")";
            for (int from = 0; from < rows.size(); from += perStatement) {
                List<Object[]> chunk = rows.subList(from, Math.min(rows.size(), from + perStatement));
                try (PreparedStatement s = connection.prepareStatement("insert into " + table + " ("
                        + String.join(", ", columns) + ") values " + String.join(", ", Collections.nCopies(chunk.size(), tuple)))) {
                    int p = 1;
                    for (Object[] row : chunk) {
                        for (Object value : row) {
                            s.setObject(p++, value);
                        }
                    }
                    s.executeUpdate();
                }
            }
        }

        private void update(String sql, Object... values) throws SQLException {
            try (PreparedStatement s = connection.prepareStatement(sql)) {
                for (int i = 0; i < values.length; i++) {
                    s.setObject(i + 1, values[i]);
                }
                s.executeUpdate();
            }
        }
    }

    private static Object[] append(Object[] values, Object... more) {
        Object[] all = java.util.Arrays.copyOf(values, values.length + more.length);
        System.arraycopy(more, 0, all, values.length, more.length);
        return all;
    }

    /** Time-ordered (v7), as the entities' ids are (ContentEntity). */
    private static UUID newId() {
        return UuidVersion7Strategy.INSTANCE.generateUuid(null);
    }

    /** The name a category or author created from a reference gets: its slug's words, capitalised. */
    static String nameOf(String slug) {
        return java.util.Arrays.stream(slug.split("-"))
                .map(word -> word.substring(0, 1).toUpperCase(Locale.ROOT) + word.substring(1))
                .collect(Collectors.joining(" "));
    }
}
