package io.headline.revision;

import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** One state of an article, as a write left it: numbered 1, 2, ... per article, never changed afterwards. */
@Entity
@Table(name = "article_revision")
@IdClass(ArticleRevision.Key.class)
public class ArticleRevision {

    @Id
    public UUID articleId;

    @Id
    public int number;

    /** The principal name of who wrote it. */
    public String author;

    public Instant createdAt;

    /** The article as ArticleInput JSON. Lazy (Quarkus enhances entities), so that listing revisions skips bodies. */
    @Basic(fetch = FetchType.LAZY)
    @Column(columnDefinition = "text")
    public String snapshot;

    protected ArticleRevision() {
    }

    ArticleRevision(UUID articleId, int number, String author, Instant createdAt, String snapshot) {
        this.articleId = articleId;
        this.number = number;
        this.author = author;
        this.createdAt = createdAt;
        this.snapshot = snapshot;
    }

    public static class Key implements Serializable {

        public UUID articleId;
        public int number;

        protected Key() {
        }

        Key(UUID articleId, int number) {
            this.articleId = articleId;
            this.number = number;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && number == key.number && Objects.equals(articleId, key.articleId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(articleId, number);
        }
    }
}
