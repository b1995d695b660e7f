package io.headline.demo;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.headline.article.ArticleInput;
import io.headline.article.ArticleRepository;
import io.headline.article.ArticleService;
import io.headline.author.AuthorInput;
import io.headline.author.AuthorRepository;
import io.headline.author.AuthorService;
import io.headline.category.CategoryInput;
import io.headline.category.CategoryRepository;
import io.headline.category.CategoryService;
import io.headline.common.HeadlineConfig;
import io.headline.media.MediaService;
import io.headline.security.Caller;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * Fills an empty database with a few categories, authors and articles, so that a new user sees real
 * content at once. Everything goes through the services, so demo content obeys the same rules as any write.
 */
@ApplicationScoped
public class DemoContent {

    private static final Logger LOG = Logger.getLogger(DemoContent.class);
    private static final String FOLDER = "demo/";
    /** Who the revisions of demo articles name: no caller writes them. */

    /** An article, its body from a captured page (bodyFrom), its feature image from a picture (imageFrom). */
    record Article(String bodyFrom, String imageFrom, String imageAlt, ArticleInput article) {
    }

    record Content(List<CategoryInput> categories, List<AuthorInput> authors, List<Article> articles) {
    }

    private final HeadlineConfig config;
    private final ObjectMapper mapper;
    private final CategoryService categoryService;
    private final AuthorService authorService;
    private final ArticleService articleService;
    private final CategoryRepository categories;
    private final AuthorRepository authors;
    private final ArticleRepository articles;
    private final MediaService mediaService;

    DemoContent(HeadlineConfig config, ObjectMapper mapper, CategoryService categoryService, AuthorService authorService,
            ArticleService articleService, CategoryRepository categories, AuthorRepository authors,
            ArticleRepository articles, MediaService mediaService) {
        this.mediaService = mediaService;
        this.config = config;
        this.mapper = mapper;
        this.categoryService = categoryService;
        this.authorService = authorService;
        this.articleService = articleService;
        this.categories = categories;
        this.authors = authors;
        this.articles = articles;
    }

    @Transactional
    void onStart(@Observes StartupEvent event) {
        if (!config.demoContent()) {
            return;
        }
        if (categories.count() + authors.count() + articles.count() > 0) {
            return;
        }
        Content content = read();
        content.categories().forEach(categoryService::create);
        content.authors().forEach(authorService::create);
        content.articles().forEach(a -> articleService.create(withImage(a, withBody(a)), Caller.SYSTEM));
        LOG.infof("Loaded demo content: %d categories, %d authors, %d articles (HEADLINE_DEMO_CONTENT=false turns it off)",
                content.categories().size(), content.authors().size(), content.articles().size());
    }

    private Content read() {
        try (InputStream in = resource("content.json")) {
            return mapper.readValue(in, Content.class);
        } catch (IOException e) {
            throw new UncheckedIOException("The demo content shipped with Headline cannot be read", e);
        }
    }

    private ArticleInput withBody(Article demo) {
        if (demo.bodyFrom() == null) {
            return demo.article();
        }
        ArticleInput a = demo.article();
        return new ArticleInput(a.slug(), a.title(), a.subtitle(), a.excerpt(), readCapturedBody(demo.bodyFrom()),
                a.status(), a.featured(), a.publishedAt(), a.category(), a.authors(), a.tags(), a.featureImageUrl());
    }

    /**
     * The demo picture goes into the media library, and the article shows it; without the image engine (libvips) the
     * article goes without.
     */
    private ArticleInput withImage(Article demo, ArticleInput a) {
        if (demo.imageFrom() == null || !mediaService.takesImages()) {
            return a;
        }
        UUID media;
        try (InputStream in = resource(demo.imageFrom())) {
            media = mediaService.uploadRaw(in, null, "attachment; filename=\"" + demo.imageFrom() + "\"", Caller.SYSTEM)
                    .media().id();
            mediaService.describe(media, demo.imageAlt());
        } catch (IOException e) {
            throw new UncheckedIOException("The demo picture " + demo.imageFrom() + " cannot be read", e);
        }
        return new ArticleInput(a.slug(), a.title(), a.subtitle(), a.excerpt(), a.body(), a.status(), a.featured(),
                a.publishedAt(), a.category(), a.authors(), a.tags(), null, media.toString());
    }

    /**
     * The body of an article captured from a web page: the first line holds date, section, headline and
     * byline run together, and the paragraphs follow, separated by blank lines.
     */
    static String capturedBody(String text) {
        String afterHeader = text.substring(text.indexOf('\n') + 1);
        return Arrays.stream(afterHeader.split("\\n\\s*\\n"))
                .map(String::strip)
                .filter(p -> !p.isEmpty())
                .collect(Collectors.joining("\n\n"));
    }

    private static String readCapturedBody(String fileName) {
        try (InputStream in = resource(fileName)) {
            return capturedBody(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("The demo article " + fileName + " cannot be read", e);
        }
    }

    private static InputStream resource(String name) {
        InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(FOLDER + name);
        if (in == null) {
            throw new IllegalStateException("Missing demo resource " + FOLDER + name);
        }
        return in;
    }
}
