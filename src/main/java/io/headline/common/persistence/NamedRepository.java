package io.headline.common.persistence;

import io.headline.common.paging.PageRequest;
import io.headline.common.query.ListQuery;
import io.headline.common.query.Slice;
import io.headline.common.query.SortKey;
import io.headline.common.query.Sorting;
import java.time.Instant;
import java.util.List;

/** Lists of named content, sorted by name unless asked otherwise. */
public interface NamedRepository<E extends NamedEntity> extends SluggedRepository<E> {

    /** The entity listed. */
    Class<E> type();

    /** Joins fetched with each page, so that a page costs no query per item. */
    default String fetches() {
        return "";
    }

    /** The first {@code limit} whose name contains {@code text}, ignoring case, by name. */
    default List<E> searchByName(String text, int limit) {
        String pattern = "%" + text.toLowerCase(java.util.Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%")
                .replace("_", "\\_") + "%";
        return find("lower(name) like ?1 escape '\\' order by name, id", pattern).page(0, limit).list();
    }

    default Slice<E> list(String sort, PageRequest page) {
        List<SortKey<E>> keys = Sorting.parse(sort, "name", List.of(
                new Sorting.Field<>("name", "x.name", false, String.class, e -> e.name),
                new Sorting.Field<>("createdAt", "x.createdAt", false, Instant.class, e -> e.createdAt),
                new Sorting.Field<>("updatedAt", "x.updatedAt", false, Instant.class, e -> e.updatedAt)),
                Sorting.id("x.id", e -> e.id));
        return new ListQuery<>(type(), "x", type().getSimpleName() + " x", fetches()).fetch(getEntityManager(), keys, page);
    }
}
