package io.headline.article;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.UUID;

/** A slug an article had before: links to it keep working (301), and no other article may take it. */
@Entity
@Table(name = "article_slug_history")
public class FormerSlug {

    @Id
    public String slug;

    public UUID articleId;

    protected FormerSlug() {
    }

    FormerSlug(String slug, UUID articleId) {
        this.slug = slug;
        this.articleId = articleId;
    }
}
