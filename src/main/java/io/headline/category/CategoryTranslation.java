package io.headline.category;

import io.headline.locale.NameTranslation;
import jakarta.persistence.AttributeOverride;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** A category's name and description in a locale other than the default (V21__category_author_translations.sql). */
@Entity
@Table(name = "category_translation")
@AttributeOverride(name = "ownerId", column = @Column(name = "category_id"))
@AttributeOverride(name = "text", column = @Column(name = "description"))
public class CategoryTranslation extends NameTranslation {
}
