package io.headline.author;

import io.headline.locale.NameTranslation;
import jakarta.persistence.AttributeOverride;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** An author's name and bio in a locale other than the default (V21__category_author_translations.sql). */
@Entity
@Table(name = "author_translation")
@AttributeOverride(name = "ownerId", column = @Column(name = "author_id"))
@AttributeOverride(name = "text", column = @Column(name = "bio"))
public class AuthorTranslation extends NameTranslation {
}
