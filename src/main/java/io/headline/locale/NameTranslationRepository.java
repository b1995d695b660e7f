package io.headline.locale;

import io.headline.common.query.InList;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/** The translations of named items (categories, authors): one place for their queries. */
public interface NameTranslationRepository<T extends NameTranslation>
        extends PanacheRepositoryBase<T, NameTranslation.Key> {

    /**
     * The best translation of each item along the chain, by item id; items with none in the chain are absent. One
     * query at most, and none when the chain holds only the default locale, whose text is the items' own.
     */
    default Map<UUID, T> best(Collection<UUID> ownerIds, LocaleChoice choice, String defaultLocale) {
        List<String> chain = choice.chain().stream().filter(locale -> !locale.equals(defaultLocale)).toList();
        Map<UUID, T> best = new HashMap<>();
        if (chain.isEmpty() || ownerIds.isEmpty()) {
            return best;
        }
        // One parameter per value (InList), so that Hibernate keeps the query's translation.
        InList owners = InList.of("owner", ownerIds);
        InList locales = InList.of("locale", chain);
        Parameters parameters = new Parameters();
        owners.bind(parameters::and);
        locales.bind(parameters::and);
        for (T translation : list(owners.in("ownerId") + " and " + locales.in("locale"), parameters)) {
            best.merge(translation.ownerId, translation,
                    (one, other) -> choice.rank(one.locale) <= choice.rank(other.locale) ? one : other);
        }
        return best;
    }

    /** The item's translations in the order of {@code locales}; any in a locale no longer configured, last. */
    default List<T> of(UUID ownerId, List<String> locales) {
        return list("ownerId = ?1 order by locale", ownerId).stream().sorted(Comparator.comparingInt(
                t -> locales.contains(t.locale) ? locales.indexOf(t.locale) : locales.size())).toList();
    }

    default Optional<T> find(UUID ownerId, String locale) {
        return find("ownerId = ?1 and locale = ?2", ownerId, locale).firstResultOptional();
    }

    /** Whether another item ({@code exceptOwnerId} excepted) has this name in the locale, whatever its case. */
    default boolean nameTaken(String locale, String name, UUID exceptOwnerId) {
        return count("locale = ?1 and lower(name) = lower(?2) and ownerId <> ?3", locale, name, exceptOwnerId) > 0;
    }

    /** Creates or replaces the item's translation into the locale. */
    default T put(UUID ownerId, String locale, String name, String text, Supplier<T> create) {
        T translation = find(ownerId, locale).orElseGet(create);
        translation.name = name;
        translation.text = text;
        if (translation.ownerId == null) {
            translation.ownerId = ownerId;
            translation.locale = locale;
            persist(translation);
        }
        return translation;
    }

    /** Whether there was a translation into the locale to delete. */
    default boolean remove(UUID ownerId, String locale) {
        return delete("ownerId = ?1 and locale = ?2", ownerId, locale) > 0;
    }
}
