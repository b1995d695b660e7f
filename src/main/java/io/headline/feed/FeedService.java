package io.headline.feed;

import io.headline.locale.LocaleParams;
import io.headline.locale.Locales;
import io.headline.article.ArticleListParams;
import io.headline.article.ArticleListRequest;
import io.headline.article.ArticleLocation;
import io.headline.article.ArticleService;
import io.headline.article.ArticleView;
import io.headline.author.AuthorService;
import io.headline.author.AuthorView;
import io.headline.category.CategoryService;
import io.headline.category.CategoryView;
import io.headline.common.ApiPaths;
import io.headline.common.query.Slice;
import io.headline.delivery.Cacheable;
import io.headline.limits.BodyReads;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Builds feeds and sitemaps from what the public sees, whoever asks: a feed is an article list request (published
 * articles only, newest first, with their stored HTML, bounded by the list body budget and a body-read permit), so the
 * same rules decide what is public as for the API's lists.
 */
@ApplicationScoped
public class FeedService {

    /** The members a feed entry shows; the body only as its stored, sanitized HTML. */
    private static final String FIELDS = "slug,locale,title,excerpt,bodyHtml,publishedAt,updatedAt,category,authors,"
            + "tags,featureImageUrl,featureImage";
    /** A feed's (and a sitemap's) list may change with any article write, each of which purges this key. */
    private static final String ARTICLES = "articles";

    private final ArticleService articles;
    private final CategoryService categories;
    private final AuthorService authors;
    private final BodyReads bodyReads;
    private final ArticleUrls urls;
    private final FeedConfig config;
    private final Locales locales;

    FeedService(ArticleService articles, CategoryService categories, AuthorService authors, BodyReads bodyReads,
            ArticleUrls urls, FeedConfig config, Locales locales) {
        this.locales = locales;
        this.articles = articles;
        this.categories = categories;
        this.authors = authors;
        this.bodyReads = bodyReads;
        this.urls = urls;
        this.config = config;
    }

    /** Every published article's newest. */
    public Feed all(URI base, LocaleParams locale) {
        return feed(base, "", config.title(), null, null, null, locale);
    }

    /** The newest published articles filed under a category or one of its subcategories. */
    public Optional<Feed> category(String slug, URI base, LocaleParams locale) {
        return categories.find(slug).map(category -> feed(base, "categories/" + category.slug() + "/",
                config.title() + ": " + category.name(), category.slug(), null, category, locale));
    }

    /** The newest published articles an author is credited on. */
    public Optional<Feed> author(String slug, URI base, LocaleParams locale) {
        return authors.find(slug, false).map(author -> feed(base, "authors/" + author.slug() + "/",
                config.title() + ": " + author.name(), null, author.slug(), author, locale));
    }

    /** A feed of one locale: each article in its best translation along that locale's fallbacks (see LocaleChoice). */
    private Feed feed(URI base, String folder, String title, String category, String author, Cacheable subject,
            LocaleParams locale) {
        ArticleListParams params = new ArticleListParams();
        params.locales = locale;
        params.size = Integer.toString(config.items());
        params.category = category;
        params.includeSubcategories = category == null ? null : "true";
        params.author = author;
        params.fields = List.of(FIELDS);
        params.count = "false";
        ArticleListRequest request = ArticleListRequest.parse(params, false, false, locales);
        // A feed reads its bodies whole, and holds what they weigh (not a bulk read's whole budget) while it is sent.
        Slice<ArticleView> found = articles.list(request, bodyReads::hold);

        List<Feed.Entry> entries = found.items().stream().map(a -> entry(a, base)).toList();
        Set<String> keys = new LinkedHashSet<>();
        keys.add(ARTICLES);
        Stream.concat(Stream.ofNullable(subject), found.items().stream().flatMap(ArticleView::embedded))
                .map(Cacheable::surrogateKey).forEach(keys::add);
        // A scheduled article changes when it goes out, after its last write.
        Optional<Instant> lastModified = Stream.concat(Stream.ofNullable(subject).map(Cacheable::updatedAt),
                found.items().stream().flatMap(a -> Stream.concat(Stream.of(a.updatedAt(), a.publishedAt()),
                        a.embedded().map(Cacheable::updatedAt)))).max(Instant::compareTo);
        return new Feed(title, config.description(), urls.home(base),
                base + ApiPaths.FEEDS.substring(1) + "/" + folder, lastModified.orElse(Instant.EPOCH), entries, keys,
                lastModified, request.filter().locales().first());
    }

    /**
     * /sitemap.xml: the public articles' addresses, or, past headline.feeds.sitemap-urls of them, an index of the pages
     * that list them. Each page's address says where it starts (see {@link SitemapPage}), so that a page is one index
     * range read from there, however far into the list; the index itself reads the index's two columns once. With
     * {@code locale} (a configured one, else a 400), only the translations in that locale.
     */
    public Sitemap sitemap(URI base, String locale) {
        String tag = locale == null ? null : locales.parse(locale);
        // An index lists at most as many sitemaps as a sitemap lists URLs; only a tiny sitemap-urls can reach that.
        List<ArticleLocation.Key> starts = articles.publicPageStarts(config.sitemapUrls(), FeedConfig.SITEMAP_MAX_URLS,
                tag);
        if (starts.size() <= 1) {
            return sitemapPage(SitemapPage.first(tag), base).orElseThrow();
        }
        List<Sitemap.Url> listed = new ArrayList<>();
        for (int n = 0; n < starts.size(); n++) {
            SitemapPage page = n == 0 ? SitemapPage.first(tag) : new SitemapPage(n + 1, Optional.of(starts.get(n)), tag);
            listed.add(new Sitemap.Url(page.location(base), null));
        }
        return new Sitemap(true, listed, Set.of(ARTICLES), Optional.empty());
    }

    /**
     * A page of the public articles' addresses, oldest first, from where it starts; the first page always exists,
     * another only while an article is left at or after its start. No body is read: no body-read permit is taken.
     */
    public Optional<Sitemap> sitemapPage(SitemapPage page, URI base) {
        List<ArticleLocation> found = articles.publicLocations(page.from(), config.sitemapUrls(),
                page.locale() == null ? null : locales.parse(page.locale()));
        if (found.isEmpty() && page.number() > 1) {
            return Optional.empty();
        }
        // Rows in a locale no longer configured are not served (their addresses would be a 400): not listed either.
        List<Sitemap.Url> listed = found.stream().filter(a -> locales.configured(a.locale())).map(a -> new Sitemap.Url(
                urls.of(base, a.id(), a.slug(), a.categorySlug(), a.publishedAt(), a.locale()), a.lastModified(),
                alternates(a, base))).toList();
        return Optional.of(new Sitemap(false, listed, Set.of(ARTICLES),
                found.stream().map(ArticleLocation::lastModified).max(Instant::compareTo)));
    }

    /**
     * Each public translation of the article, this one included, as Google reads hreflang in sitemaps, and the default
     * locale's one again as {@code x-default} (what a reader of another language is shown); none when the article has
     * no other public translation.
     */
    private List<Sitemap.Alternate> alternates(ArticleLocation a, URI base) {
        if (a.translations().size() < 2) {
            return List.of();
        }
        List<Sitemap.Alternate> alternates = new ArrayList<>();
        for (ArticleLocation.Translation t : a.translations()) {
            String url = urls.of(base, t.id(), t.slug(), a.categorySlug(), t.publishedAt(), t.locale());
            alternates.add(new Sitemap.Alternate(t.locale(), url));
            if (t.locale().equals(locales.defaultLocale())) {
                alternates.add(new Sitemap.Alternate(X_DEFAULT, url));
            }
        }
        return alternates;
    }

    private static final String X_DEFAULT = "x-default";

    private Feed.Entry entry(ArticleView a, URI base) {
        return new Feed.Entry(a.id(), urls.of(base, a.id(), a.slug(), a.category().slug(), a.publishedAt(),
                a.locale()), a.title(),
                a.excerpt(), absoluteMedia(base, a.bodyHtml()), a.publishedAt(), a.updatedAt(),
                a.authors().stream().map(AuthorView::name).toList(),
                new Feed.Term(a.category().slug(), a.category().name()), a.tags(), absolute(base, a.featureImageUrl()));
    }

    /**
     * A feed reader fetches an image from anywhere: a media file's address is a path on this API unless
     * headline.media.base-url makes it absolute, so it is resolved against the API's base.
     */
    private static String absolute(URI base, String url) {
        return url == null || !url.startsWith("/") ? url : base.resolve(url).toString();
    }

    /**
     * The same for the images of a body (media:{id} rendered to src and srcset): a feed has no base of its own
     * (RSS has none, and readers ignore Atom's xml:base), so their addresses are made absolute in the feed's copy.
     */
    static String absoluteMedia(URI base, String html) {
        if (html == null || !html.contains(MEDIA_PATH)) {
            return html;
        }
        String absolute = base.resolve(MEDIA_PATH).toString();
        return html.replace("\"" + MEDIA_PATH, "\"" + absolute).replace(", " + MEDIA_PATH, ", " + absolute);
    }

    private static final String MEDIA_PATH = ApiPaths.MEDIA + "/";
}
