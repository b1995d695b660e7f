package io.headline.common.persistence;

import io.headline.common.error.ProblemException;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.persistence.LockModeType;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;

/** Lookups shared by every content type: by id or slug, and slug availability. */
public interface SluggedRepository<E extends ContentEntity> extends PanacheRepositoryBase<E, UUID> {

    default Optional<E> findByIdOrSlug(String idOrSlug) {
        return findByIdOrSlug(idOrSlug, LockModeType.NONE);
    }

    /** {@link #findByIdOrSlug(String)}, the row locked in the same statement (select ... for share/update). */
    default Optional<E> findByIdOrSlug(String idOrSlug, LockModeType lock) {
        Optional<UUID> id = parseId(idOrSlug);
        return id.isPresent() ? findByIdOptional(id.get(), lock) : find("slug", idOrSlug).withLock(lock)
                .firstResultOptional();
    }

    default boolean slugTaken(String slug, UUID exceptId) {
        return exceptId == null
                ? count("slug", slug) > 0
                : count("slug = ?1 and id <> ?2", slug, exceptId) > 0;
    }

    /**
     * The slug a write ends up with: the requested one if it is free (else 409), or one generated from
     * {@code source} (a title or name), falling back to {@code kind} when the source has no ASCII letters.
     */
    default String claimSlug(String requested, String source, String kind, UUID selfId) {
        return claim(requested, source, kind, candidate -> slugTaken(candidate, selfId));
    }

    /** {@link #claimSlug}, with what {@code taken} says of a slug. */
    static String claim(String requested, String source, String kind, Predicate<String> taken) {
        if (requested != null) {
            if (Slugs.looksLikeId(requested)) {
                throw ProblemException.invalidField("slug", "must not have the shape of an id");
            }
            if (taken.test(requested)) {
                throw ProblemException.conflict("The " + kind + " slug '" + requested + "' is already taken.");
            }
            return requested;
        }
        String base = Slugs.slugify(source);
        return Slugs.firstFree(base.isEmpty() ? kind : base, taken);
    }

    /** The entity a write refers to by id or slug, or a 422 that names the referring field. */
    default E resolveReference(String idOrSlug, String field, String kind) {
        return findByIdOrSlug(idOrSlug).orElseThrow(() -> noReference(idOrSlug, field, kind));
    }

    /**
     * {@link #resolveReference}, with the row share-locked until the write commits, while a delete takes it first
     * ({@link #lockForDelete}): so a delete and a write that refers to the row take turns, and the later one sees
     * the other's outcome. PostgreSQL's foreign keys do that on their own; H2's do not see another transaction's
     * uncommitted reference, and both would commit.
     */
    default E holdReference(String idOrSlug, String field, String kind) {
        return findByIdOrSlug(idOrSlug, LockModeType.PESSIMISTIC_READ)
                .orElseThrow(() -> noReference(idOrSlug, field, kind));
    }

    private static ProblemException noReference(String idOrSlug, String field, String kind) {
        return ProblemException.invalidField(field, "no " + kind + " with id or slug '" + idOrSlug + "'");
    }

    /** Locks a row about to be deleted before the delete checks what still refers to it (see resolveReference). */
    default void lockForDelete(E entity) {
        getEntityManager().lock(entity, LockModeType.PESSIMISTIC_WRITE);
    }

    static Optional<UUID> parseId(String text) {
        if (text == null || !Slugs.looksLikeId(text.toLowerCase())) {
            return Optional.empty();
        }
        return Optional.of(UUID.fromString(text));
    }
}
