package io.headline.media;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.UUID;

/** That an article uses a media file (its feature image, or a media:{id} in its body). */
@Entity
@Table(name = "article_media")
@IdClass(ArticleMedia.Key.class)
public class ArticleMedia extends PanacheEntityBase {

    @Id
    public UUID articleId;

    @Id
    public UUID mediaId;

    public record Key(UUID articleId, UUID mediaId) implements Serializable {
        public Key() {
            this(null, null);
        }
    }
}
