package io.headline.locale;

import io.headline.common.error.ProblemException;
import io.headline.common.persistence.ContentEntity;
import io.headline.common.persistence.SluggedRepository;
import io.headline.common.persistence.UniqueRetry;
import jakarta.persistence.LockModeType;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The one write path of a named item's translations (a category's, an author's): each write locks the item, so that
 * writes into one locale take turns and a delete of the item waits, then stamps it and reports it as a write of the
 * item, one change. The owning service says what the item is and how a write is recorded.
 *
 * @param <E> the item
 * @param <T> its translations
 */
public final class NameTranslationWrites<E extends ContentEntity, T extends NameTranslation> {

    /** What an item's translations are written with, and what they are of. */
    public record Of<E extends ContentEntity, T extends NameTranslation>(String kind, SluggedRepository<E> items,
            NameTranslationRepository<T> translations, Supplier<T> create, boolean uniqueNames) {
    }

    private final Of<E, T> of;
    private final Locales locales;
    private final Clock clock;
    private final Consumer<E> changed;

    /** @param changed records a write of the item (it has been flushed), as its other writes do */
    public NameTranslationWrites(Of<E, T> of, Locales locales, Clock clock, Consumer<E> changed) {
        this.of = of;
        this.locales = locales;
        this.clock = clock;
        this.changed = changed;
    }

    /**
     * Creates or replaces the item's text in a locale other than the default, in a transaction of its own; empty when
     * there is no such item. With unique names, a name another item has in the locale (ignoring case) is a 409; a
     * concurrent write of it loses at the unique constraint, and is rerun to find the 409.
     *
     * @param view the item as served in the locale written, read in the write's transaction
     */
    public <V> Optional<V> put(String idOrSlug, String rawLocale, String name, String text,
            BiFunction<E, LocaleChoice, V> view) {
        String locale = locales.translatable(rawLocale, of.kind());
        String stripped = name.strip();
        return UniqueRetry.create(() -> of.items().findByIdOrSlug(idOrSlug, LockModeType.PESSIMISTIC_WRITE)
                .map(item -> {
                    if (of.uniqueNames() && of.translations().nameTaken(locale, stripped, item.id)) {
                        throw ProblemException.conflict("A " + of.kind() + " named '" + stripped
                                + "' already exists in '" + locale + "'.");
                    }
                    of.translations().put(item.id, locale, stripped, text, of.create());
                    written(item);
                    return view.apply(item, LocaleChoice.from(locales, locale));
                }));
    }

    /**
     * Deletes the item's text in a locale, in the caller's transaction; false when there is no such item, a 404 when
     * it has no text there.
     */
    public boolean remove(String idOrSlug, String rawLocale) {
        String locale = locales.translatable(rawLocale, of.kind());
        Optional<E> found = of.items().findByIdOrSlug(idOrSlug, LockModeType.PESSIMISTIC_WRITE);
        found.ifPresent(item -> {
            if (!of.translations().remove(item.id, locale)) {
                throw ProblemException.notFound("translation into '" + locale + "' of the " + of.kind(), idOrSlug);
            }
            written(item);
        });
        return found.isPresent();
    }

    /** The item's texts in locales other than the default, in the order of the locales; empty when no such item. */
    public Optional<List<T>> list(String idOrSlug) {
        return of.items().findByIdOrSlug(idOrSlug).map(item -> of.translations().of(item.id, locales.all()));
    }

    private void written(E item) {
        item.touch(clock.instant());
        of.items().flush();
        changed.accept(item);
    }
}
