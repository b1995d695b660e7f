package io.headline.locale;

import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.MappedSuperclass;
import java.io.Serializable;
import java.util.Objects;
import java.util.UUID;

/**
 * A named item's display name and longer text (a category's description, an author's bio) in one locale other than
 * the default: the item's own row keeps the default locale's. An entity that extends it names its table and maps
 * {@code ownerId} and {@code text} to its columns.
 */
@MappedSuperclass
@IdClass(NameTranslation.Key.class)
public abstract class NameTranslation {

    @Id
    public UUID ownerId;

    @Id
    public String locale;

    public String name;

    public String text;

    /** The primary key: the item and the locale. */
    public static class Key implements Serializable {

        public UUID ownerId;
        public String locale;

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && Objects.equals(ownerId, key.ownerId)
                    && Objects.equals(locale, key.locale);
        }

        @Override
        public int hashCode() {
            return Objects.hash(ownerId, locale);
        }
    }
}
