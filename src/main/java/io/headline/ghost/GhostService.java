package io.headline.ghost;

import io.headline.locale.LocaleChoice;
import io.headline.locale.LocaleParams;
import io.headline.locale.Locales;
import io.headline.article.ArticleListParams;
import io.headline.article.ArticleListRequest;
import io.headline.article.ArticleService;
import io.headline.article.ArticleShape;
import io.headline.article.ArticleView;
import io.headline.author.AuthorService;
import io.headline.author.AuthorView;
import io.headline.category.CategoryService;
import io.headline.category.CategoryView;
import io.headline.common.HeadlineConfig;
import io.headline.common.paging.PageRequest;
import io.headline.common.query.Slice;
import io.headline.delivery.Cacheable;
import io.headline.limits.BodyReads;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Answers the Ghost Content API from Headline's own services: a post list is an article list request built from the
 * Ghost options (the same typed filters, paging, bodies budget and permits), and every item is mapped from Headline's
 * views. Only what the public sees is ever read: no request here asks for unpublished content.
 */
@ApplicationScoped
public class GhostService {

    /**
     * Tags are categories and the tags on published articles, merged and paged in memory: at most this many of each
     * are listed.
     */
    static final int MAX_TAG_SOURCES = 1000;
    private static final Pattern UUID_SHAPE = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private static final String ARTICLE_FIELDS = "slug,title,subtitle,excerpt,readingTimeMinutes,featured,publishedAt,"
            + "category,authors,tags,featureImageUrl,featureImage,createdAt,updatedAt,seo";

    private final ArticleService articles;
    private final AuthorService authors;
    private final CategoryService categories;
    private final BodyReads bodyReads;
    private final String site;
    private final GhostConfig config;
    private final Locales locales;

    GhostService(ArticleService articles, AuthorService authors, CategoryService categories, BodyReads bodyReads,
            HeadlineConfig headline, GhostConfig config, Locales locales) {
        this.locales = locales;
        this.articles = articles;
        this.authors = authors;
        this.categories = categories;
        this.bodyReads = bodyReads;
        this.site = headline.siteUrl().map(url -> url.replaceAll("/+$", "")).orElse("");
        this.config = config;
    }

    public GhostBody posts(GhostQuery query, GhostFilter filter, LocaleParams locale) {
        ArticleListParams params = new ArticleListParams();
        params.locales = locale;
        params.page = Integer.toString(query.page());
        params.size = Integer.toString(query.limit());
        params.sort = asList(query.sort());
        params.category = filter.primaryTag();
        params.author = filter.author();
        params.featured = filter.featured() == null ? null : filter.featured().toString();
        params.publishedAfter = text(filter.publishedAfter());
        params.publishedBefore = text(filter.publishedBefore());
        params.fields = asList(articleFields(query));
        params.include = asList(articleIncludes(query));
        ArticleListRequest parsed = ArticleListRequest.parse(params, false, false, locales);
        ArticleListRequest request = new ArticleListRequest(parsed.filter().withCategoryOrTags(filter.tags()),
                parsed.sort(), parsed.page(), parsed.shape());
        Slice<ArticleView> found = request.readsBodies() ? bodyReads.run(() -> articles.list(request))
                : articles.list(request);
        if (found.truncated()) {
            throw GhostException.invalid("limit", "the bodies of " + query.limit() + " posts are more than one page "
                    + "may carry; ask for a smaller limit, or leave html out (formats, fields)");
        }
        List<Map<String, Object>> posts = found.items().stream().map(a -> post(a, query)).toList();
        return GhostBody.list(page("posts", posts, query, found.totalItems()), "articles", found.items())
                .in(request.filter().locales().first());
    }

    /** A post, author or tag by id (when given) or slug. */
    public Optional<GhostBody> read(GhostQuery.Resource resource, String id, String slug, GhostQuery query,
            LocaleParams locale) {
        if (resource == GhostQuery.POSTS) {
            return post(id, slug, query, locale.choose(locales, false));
        }
        LocaleChoice choice = locale.chooseOne(locales);
        return (resource == GhostQuery.AUTHORS ? author(id, slug, query, choice) : tag(id, slug, query, choice))
                .map(body -> body.in(choice.first()));
    }

    /**
     * The best translation along the chain of the post named: Ghost's clients read posts by slug or id and do not
     * expect a redirect, so where /api/v1 answers 301 to another translation, this serves that translation.
     */
    private Optional<GhostBody> post(String id, String slug, GhostQuery query, LocaleChoice choice) {
        ArticleShape shape = ArticleShape.parse(articleFields(query), articleIncludes(query), null,
                ArticleShape.ITEM_FIELDS, false, null);
        Optional<ArticleService.Found> found = idOrSlug(id, slug).flatMap(key -> articles.find(key, false, shape, choice));
        if (found.isPresent() && found.get().movedTo() != null) {
            found = articles.find(found.get().movedTo(), false, shape, choice);
        }
        return found.filter(f -> f.view() != null)
                .map(f -> GhostBody.item(one("posts", post(f.view(), query)), f.view()).in(f.locale()));
    }

    public GhostBody authors(GhostQuery query, LocaleParams locale) {
        LocaleChoice choice = locale.chooseOne(locales);
        Slice<AuthorView> found = authors.list(query.sort(), query.pageRequest(), choice, false);
        List<Map<String, Object>> items = found.items().stream()
                .map(a -> GhostMapper.author(a, site, query.fields())).toList();
        return GhostBody.list(page("authors", items, query, found.totalItems()), "authors", found.items())
                .in(choice.first());
    }

    private Optional<GhostBody> author(String id, String slug, GhostQuery query, LocaleChoice choice) {
        return idOrSlug(id, slug).flatMap(key -> authors.find(key, choice, false))
                .map(a -> GhostBody.item(one("authors", GhostMapper.author(a, site, query.fields())), a));
    }

    /** Categories first where a tag shares a category's slug; by name (then slug), as Ghost lists tags. */
    public GhostBody tags(GhostQuery query, LocaleParams locale) {
        LocaleChoice choice = locale.chooseOne(locales);
        List<Tag> all = allTags(choice);
        Comparator<Tag> byName = Comparator.comparing((Tag t) -> t.name().toLowerCase()).thenComparing(Tag::slug);
        all.sort(query.sort() != null && query.sort().startsWith("-") ? byName.reversed() : byName);
        int from = Math.min(all.size(), query.pageRequest().offset());
        List<Tag> shown = all.subList(from, Math.min(all.size(), from + query.limit()));
        List<Map<String, Object>> items = shown.stream().map(t -> t.json().apply(query.fields())).toList();
        List<CategoryView> sections = shown.stream().map(Tag::category).filter(c -> c != null).toList();
        return GhostBody.list(page("tags", items, query, (long) all.size()), "categories", sections)
                .in(choice.first());
    }

    private Optional<GhostBody> tag(String id, String slug, GhostQuery query, LocaleChoice choice) {
        return allTags(choice).stream().filter(t -> id != null ? t.id().equals(id) : t.slug().equals(slug)).findFirst()
                .map(t -> GhostBody.list(one("tags", t.json().apply(query.fields())), "categories",
                        t.category() == null ? List.of() : List.of(t.category())));
    }

    /** Headline has no standalone pages. */
    public GhostBody pages(GhostQuery query) {
        return GhostBody.list(page("pages", List.of(), query, 0L), "articles", List.of());
    }

    public GhostBody settings() {
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("title", config.siteTitle());
        settings.put("description", config.siteDescription());
        settings.put("lang", locales.defaultLocale());
        settings.put("locale", locales.defaultLocale());
        settings.put("timezone", "Etc/UTC");
        settings.put("navigation", List.of());
        settings.put("secondary_navigation", List.of());
        GhostMapper.withoutValue(settings, "logo", "icon", "accent_color", "cover_image", "facebook", "twitter",
                "codeinjection_head", "codeinjection_foot", "meta_title", "meta_description");
        settings.put("url", site + "/");
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("settings", settings);
        json.put("meta", Map.of());
        return GhostBody.list(json, "settings", List.of());
    }

    /** A Ghost tag: a category or a tag found on published articles. */
    private record Tag(String id, String slug, String name, CategoryView category,
            Function<Set<String>, Map<String, Object>> json) {
    }

    private List<Tag> allTags(LocaleChoice choice) {
        List<Tag> tags = new ArrayList<>();
        List<String> slugs = new ArrayList<>();
        for (CategoryView c : categories.list(null, new PageRequest(1, MAX_TAG_SOURCES, null, false), choice).items()) {
            slugs.add(c.slug());
            tags.add(new Tag(c.id().toString(), c.slug(), c.name(), c, fields -> GhostMapper.tag(c, site, fields)));
        }
        for (String text : articles.publicTags(MAX_TAG_SOURCES)) {
            String slug = GhostMapper.tagSlug(text);
            if (!slug.isEmpty() && !slugs.contains(slug)) {
                slugs.add(slug);
                tags.add(new Tag(GhostMapper.freeTagId(text), slug, text, null,
                        fields -> GhostMapper.tag(text, site, fields)));
            }
        }
        return tags;
    }

    private Map<String, Object> post(ArticleView a, GhostQuery query) {
        return GhostMapper.post(a, site, query.fields(), query.include().contains("tags"),
                query.include().contains("authors"));
    }

    /** What Headline reads of an article: the members a post is made of, and the body formats asked for. */
    /** A comma-separated value as the list parameter that carries it (null stays absent). */
    private static List<String> asList(String commaSeparated) {
        return commaSeparated == null ? null : List.of(commaSeparated);
    }

    private static String articleFields(GhostQuery query) {
        return ARTICLE_FIELDS + (query.carries("html") ? ",bodyHtml" : "") + (query.carries("plaintext") ? ",bodyText" : "");
    }

    /** A tag made from the category needs its description; an author its bio and images. */
    private static String articleIncludes(GhostQuery query) {
        List<String> include = new ArrayList<>();
        if (query.include().contains("tags")) {
            include.add("category");
        }
        if (query.include().contains("authors")) {
            include.add("authors");
        }
        return include.isEmpty() ? null : String.join(",", include);
    }

    /** A read by id takes only an id, and by slug only a slug (Headline's lookups take either). */
    private static Optional<String> idOrSlug(String id, String slug) {
        if (id != null) {
            return UUID_SHAPE.matcher(id).matches() ? Optional.of(id) : Optional.empty();
        }
        return UUID_SHAPE.matcher(slug).matches() ? Optional.empty() : Optional.of(slug);
    }

    private static Map<String, Object> page(String name, List<Map<String, Object>> items, GhostQuery query, Long total) {
        long count = total == null ? items.size() : total;
        int pages = (int) Math.max(1, (count + query.limit() - 1) / query.limit());
        Map<String, Object> pagination = new LinkedHashMap<>();
        pagination.put("page", query.page());
        pagination.put("limit", query.limit());
        pagination.put("pages", pages);
        pagination.put("total", count);
        pagination.put("next", query.page() < pages ? query.page() + 1 : null);
        pagination.put("prev", query.page() > 1 ? query.page() - 1 : null);
        Map<String, Object> json = new LinkedHashMap<>();
        json.put(name, items);
        json.put("meta", Map.of("pagination", pagination));
        return json;
    }

    private static Map<String, Object> one(String name, Map<String, Object> item) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put(name, List.of(item));
        return json;
    }

    private static String text(Instant instant) {
        return instant == null ? null : instant.toString();
    }
}
