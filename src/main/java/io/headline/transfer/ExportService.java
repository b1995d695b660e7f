package io.headline.transfer;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.headline.article.ArticleInput;
import io.headline.article.ArticleRules;
import io.headline.article.ArticleStatus;
import io.headline.author.AuthorInput;
import io.headline.category.CategoryInput;
import io.headline.locale.Locales;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * Writes everything an import reads, in the import's format: categories (parents before children), authors, then
 * articles, each type by slug (articles then by locale), so that the same content always exports to the same bytes. It holds what the format
 * carries and nothing else: no ids or timestamps (an import assigns its own), no API tokens, no revisions, no former
 * slugs, and nothing derived (rendered bodies, word counts). Articles, authors and categories are read a chunk at a
 * time by slug, so memory stays bounded whatever the database holds.
 */
@ApplicationScoped
public class ExportService {

    private static final int CHUNK = 500;

    private final DataSource dataSource;
    private final ObjectMapper mapper;
    private final Clock clock;
    private final Locales locales;

    ExportService(DataSource dataSource, ObjectMapper mapper, Clock clock, Locales locales) {
        this.clock = clock;
        this.locales = locales;
        this.dataSource = dataSource;
        this.mapper = mapper;
    }

    /** Writes the export to {@code out}; returns the number of lines. */
    @Transactional
    public long export(OutputStream out) {
        try (Connection connection = dataSource.getConnection()) {
            long lines = categories(connection, out);
            lines += authors(connection, out);
            lines += articles(connection, out);
            out.flush();
            return lines;
        } catch (SQLException e) {
            throw new IllegalStateException("The export could not read the database", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private long categories(Connection connection, OutputStream out) throws SQLException, IOException {
        record Row(UUID id, String slug, String name, String description, UUID parentId) {
        }
        Map<UUID, Row> byId = new LinkedHashMap<>();
        Map<UUID, List<Row>> children = new HashMap<>();
        List<Row> roots = new ArrayList<>();
        try (PreparedStatement s = connection.prepareStatement(
                "select id, slug, name, description, parent_id from category order by slug");
                ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                Row row = new Row(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getObject(5, UUID.class));
                byId.put(row.id(), row);
            }
        }
        for (Row row : byId.values()) {
            if (row.parentId() == null || !byId.containsKey(row.parentId())) {
                roots.add(row);
            } else {
                children.computeIfAbsent(row.parentId(), k -> new ArrayList<>()).add(row);
            }
        }
        // Level by level, each level by slug: every parent comes before its children.
        long lines = 0;
        Deque<Row> pending = new ArrayDeque<>(roots);
        while (!pending.isEmpty()) {
            Row row = pending.poll();
            Row parent = row.parentId() == null ? null : byId.get(row.parentId());
            write(out, "category", null, null, new CategoryInput(row.slug(), row.name(), row.description(),
                    parent == null ? null : parent.slug()));
            lines++;
            pending.addAll(children.getOrDefault(row.id(), List.of()));
        }
        return lines;
    }

    private long authors(Connection connection, OutputStream out) throws SQLException, IOException {
        long lines = 0;
        String after = "";
        while (true) {
            List<AuthorInput> chunk = new ArrayList<>();
            try (PreparedStatement s = connection.prepareStatement("select slug, name, bio, avatar_url, website_url, email "
                    + "from author where slug > ? order by slug fetch first " + CHUNK + " rows only")) {
                s.setString(1, after);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        chunk.add(new AuthorInput(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                                rs.getString(5), rs.getString(6)));
                    }
                }
            }
            for (AuthorInput author : chunk) {
                write(out, "author", null, null, author);
            }
            lines += chunk.size();
            if (chunk.size() < CHUNK) {
                return lines;
            }
            after = chunk.get(chunk.size() - 1).slug();
        }
    }

    private long articles(Connection connection, OutputStream out) throws SQLException, IOException {
        long lines = 0;
        String afterSlug = "";
        String afterLocale = "";
        while (true) {
            List<Object[]> found = new ArrayList<>();
            // By slug, then locale: translations may share a slug. A group's key only where it has more than one.
            try (PreparedStatement s = connection.prepareStatement("select a.id, a.slug, a.external_id, a.title, "
                    + "a.subtitle, a.excerpt, a.body, a.status, a.featured, a.published_at, c.slug, a.feature_image_url, "
                    + "a.feature_media_id, a.locale, case when a.translation_group is not null or exists (select 1 "
                    + "from article t where t.translation_group = a.id) then coalesce(a.translation_group, a.id) end "
                    + "from article a join category c on c.id = a.category_id where a.slug > ? or (a.slug = ? "
                    + "and a.locale > ?) order by a.slug, a.locale fetch first " + CHUNK + " rows only")) {
                s.setString(1, afterSlug);
                s.setString(2, afterSlug);
                s.setString(3, afterLocale);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        found.add(new Object[] {rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                            rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8),
                            rs.getBoolean(9), rs.getObject(10, OffsetDateTime.class), rs.getString(11), rs.getString(12),
                            rs.getObject(13, UUID.class), rs.getString(14), rs.getObject(15, UUID.class)});
                    }
                }
            }
            if (found.isEmpty()) {
                return lines;
            }
            List<UUID> ids = found.stream().map(f -> (UUID) f[0]).toList();
            Map<UUID, List<String>> authors = links(connection, "select aa.article_id, au.slug from article_author aa "
                    + "join author au on au.id = aa.author_id where aa.article_id in (%s) order by aa.article_id, "
                    + "aa.position", ids);
            Map<UUID, List<String>> tags = links(connection, "select article_id, tag from article_tag "
                    + "where article_id in (%s) order by article_id, position", ids);
            Map<UUID, String> groupKeys = groupKeys(connection, found.stream().map(f -> (UUID) f[14])
                    .filter(java.util.Objects::nonNull).collect(java.util.stream.Collectors.toSet()));
            Instant now = clock.instant();
            for (Object[] f : found) {
                UUID id = (UUID) f[0];
                OffsetDateTime publishedAt = (OffsetDateTime) f[9];
                Instant published = publishedAt == null ? null : publishedAt.toInstant();
                // As a reader sees it: a scheduled article whose time has come is published (and imports as such).
                ArticleStatus status = ArticleRules.statusAt(ArticleStatus.valueOf((String) f[7]), published, now);
                ArticleInput input = new ArticleInput((String) f[1], (String) f[3], (String) f[4], (String) f[5],
                        (String) f[6], status, (Boolean) f[8], published, (String) f[10],
                        authors.getOrDefault(id, List.of()), tags.getOrDefault(id, List.of()), (String) f[11],
                        f[12] == null ? null : f[12].toString(), (String) f[13]);
                write(out, "article", (String) f[2], groupKeys.get((UUID) f[14]), input);
            }
            lines += found.size();
            if (found.size() < CHUNK) {
                return lines;
            }
            afterSlug = (String) found.get(found.size() - 1)[1];
            afterLocale = (String) found.get(found.size() - 1)[13];
        }
    }

    /**
     * Each group's key: {@code locale:slug} of its translation in the first of the configured locales it has (the
     * default's, mostly). Made of what the export carries, it exports again the same once imported, and it is unique
     * (a slug is, within its locale).
     */
    private Map<UUID, String> groupKeys(Connection connection, Set<UUID> groups) throws SQLException {
        Map<UUID, List<String[]>> translations = new HashMap<>();
        Jdbc.RowReader reader = rs -> translations.computeIfAbsent(rs.getObject(1, UUID.class), k -> new ArrayList<>())
                .add(new String[] {rs.getString(2), rs.getString(3)});
        Jdbc.select(connection, "select id, locale, slug from article where id in (%s)", groups, reader);
        Jdbc.select(connection, "select translation_group, locale, slug from article where translation_group in (%s)",
                groups, reader);
        Comparator<String[]> order = Comparator.<String[]>comparingInt(t -> locales.all().contains(t[0])
                ? locales.all().indexOf(t[0]) : Integer.MAX_VALUE).thenComparing(t -> t[0]);
        Map<UUID, String> keys = new HashMap<>();
        translations.forEach((group, list) -> {
            String[] first = list.stream().min(order).orElseThrow();
            keys.put(group, first[0] + ":" + first[1]);
        });
        return keys;
    }

    private static Map<UUID, List<String>> links(Connection connection, String sql, List<UUID> ids) throws SQLException {
        Map<UUID, List<String>> links = new HashMap<>();
        Jdbc.select(connection, sql, ids, rs ->
                links.computeIfAbsent(rs.getObject(1, UUID.class), k -> new ArrayList<>()).add(rs.getString(2)));
        return links;
    }

    /**
     * One line: the type, an article's externalId and translation group's key, then the input model's members in its
     * order.
     */
    private void write(OutputStream out, String type, String externalId, String group, Object input)
            throws IOException {
        ObjectNode line = mapper.createObjectNode();
        line.put("type", type);
        if (externalId != null) {
            line.put("externalId", externalId);
        }
        if (group != null) {
            line.put(LineParser.GROUP, group);
        }
        line.setAll((ObjectNode) mapper.valueToTree(input));
        out.write(mapper.writeValueAsBytes(line));
        out.write('\n');
    }
}
