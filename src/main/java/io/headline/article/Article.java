package io.headline.article;

import io.headline.author.Author;
import io.headline.category.Category;
import io.headline.common.persistence.ContentEntity;
import io.headline.rendering.MarkdownRenderer;
import io.headline.rendering.MediaRef;
import io.headline.rendering.Rendered;
import jakarta.persistence.Basic;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.hibernate.annotations.LazyGroup;

@Entity
@Table(name = "article")
public class Article extends ContentEntity {

    /** The translation's locale, one of headline.locales (see V20__article_translations.sql). */
    public String locale;

    /** The id of the group's first translation; null on that translation itself (see {@link #group()}). */
    public UUID translationGroup;

    public String title;
    public String subtitle;
    public String excerpt;

    /*
     * The body forms are loaded only when read (bytecode enhancement makes them lazy), all three in one statement:
     * a list loads the entities without them and reads only the forms it returns, a page at a time
     * (ArticleRepository#bodies).
     */

    /** Markdown source. */
    @Basic(fetch = FetchType.LAZY)
    @LazyGroup("body")
    @Column(columnDefinition = "text")
    public String body;

    /** The body rendered to sanitized HTML when it was written (see MarkdownRenderer). */
    @Basic(fetch = FetchType.LAZY)
    @LazyGroup("body")
    @Column(columnDefinition = "text")
    public String bodyHtml;

    /** The body as plain text, for excerpts, feeds and search. */
    @Basic(fetch = FetchType.LAZY)
    @LazyGroup("body")
    @Column(columnDefinition = "text")
    public String bodyText;

    public int wordCount;

    /**
     * PostgreSQL's search document (V9__stored_search_document.sql), computed by the database from the title, subtitle,
     * excerpt and body: only searched (search.PostgresSearch), never loaded or written. H2 has no such column, and no
     * statement names it there.
     */
    @Basic(fetch = FetchType.LAZY)
    @LazyGroup("search")
    @Column(insertable = false, updatable = false)
    String searchDocument;

    @Enumerated(EnumType.STRING)
    public ArticleStatus status;

    public Instant publishedAt;

    public boolean featured;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "category_id")
    public Category category;

    @ManyToMany
    @JoinTable(name = "article_author",
            joinColumns = @JoinColumn(name = "article_id"),
            inverseJoinColumns = @JoinColumn(name = "author_id"))
    @OrderColumn(name = "position")
    public List<Author> authors = new ArrayList<>();

    @ElementCollection
    @CollectionTable(name = "article_tag", joinColumns = @JoinColumn(name = "article_id"))
    @OrderColumn(name = "position")
    @Column(name = "tag")
    public List<String> tags = new ArrayList<>();

    /** The feature image as a URL; null when it is a media (or there is none). */
    public String featureImageUrl;

    /** The feature image as a file of the media library (V19__article_feature_media.sql); null otherwise. */
    public UUID featureMediaId;

    /** What the article's translations share: its group's key. */
    public UUID group() {
        return translationGroup != null ? translationGroup : id;
    }

    /**
     * Whether the public may see the article at {@code now}: published or scheduled, and its time has come.
     * {@link ArticleRepository#list} applies the same rule in HQL.
     */
    public boolean isPublicAt(Instant now) {
        return isPublicAt(status, publishedAt, now);
    }

    static boolean isPublicAt(ArticleStatus status, Instant publishedAt, Instant now) {
        return (status == ArticleStatus.published || status == ArticleStatus.scheduled)
                && publishedAt != null && !publishedAt.isAfter(now);
    }

    /**
     * Renders the body into its stored forms; called on every write of the body, and when a media it shows changes.
     *
     * @param media what each media:{id} of the body is
     */
    public void render(Function<UUID, Optional<MediaRef>> media) {
        store(MarkdownRenderer.render(body, media));
    }

    /** Keeps the body's rendered forms. */
    void store(Rendered rendered) {
        bodyHtml = rendered.html();
        bodyText = rendered.text();
        wordCount = rendered.wordCount();
    }

    /** The body's rendered forms, rendering on the fly for rows written before rendering was stored. */
    public Rendered rendered() {
        return bodyHtml == null && body != null && !body.isBlank()
                ? MarkdownRenderer.render(body) : new Rendered(bodyHtml, bodyText, wordCount);
    }

    /** The status a reader sees: a scheduled article whose time has come reads as published. */
    public ArticleStatus statusAt(Instant now) {
        return ArticleRules.statusAt(status, publishedAt, now);
    }
}
