package io.headline.article;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.UUID;

/**
 * A slug a translation had before, in its locale: links to it keep working (301), and no other article of that locale
 * may take it.
 */
@Entity
@Table(name = "article_slug_history")
@IdClass(FormerSlug.Key.class)
public class FormerSlug {

    @Id
    public String slug;

    @Id
    public String locale;

    public UUID articleId;

    protected FormerSlug() {
    }

    FormerSlug(String slug, String locale, UUID articleId) {
        this.slug = slug;
        this.locale = locale;
        this.articleId = articleId;
    }

    /** The key: a slug within a locale. */
    public record Key(String slug, String locale) implements Serializable {
    }
}
