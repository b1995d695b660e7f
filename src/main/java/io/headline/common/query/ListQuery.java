package io.headline.common.query;

import io.headline.common.error.ProblemException;
import io.headline.common.paging.PageRequest;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Parameter;
import jakarta.persistence.PersistenceException;
import jakarta.persistence.QueryTimeoutException;
import jakarta.persistence.TypedQuery;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import java.util.function.ToIntFunction;
import org.hibernate.query.spi.QueryParameterImplementor;

/**
 * A filtered, sorted list query in HQL, run as one page: by offset or after a cursor. It fetches one row
 * more than the page holds to know whether another page follows, and counts the whole list only when asked.
 *
 * @param <E> the entity listed, under the alias {@code alias}
 */
public final class ListQuery<E> {

    private final Class<E> type;
    private final String alias;
    private final String from;
    private final String fetches;
    private String selection;
    private final List<String> conditions = new ArrayList<>();
    private final Map<String, Object> params = new HashMap<>();
    private final Map<String, Object> orderParams = new HashMap<>();
    private Duration timeout;
    private Counts counts;
    private Set<String> presentParams = Set.of();

    /** Where counts are kept between the writes that change them; without it, every count runs its statement. */
    public interface Counts {

        /**
         * The count kept under {@code key}, or {@code count}'s, kept under it when nothing changed meanwhile.
         *
         * @param at the present instant the count is taken at (what the present-instant parameters hold), or null
         */
        long count(String key, Instant at, LongSupplier count);
    }

    /** Long enough for the load that slowed a statement to pass. */
    private static final int TIMEOUT_RETRY_AFTER_SECONDS = 2;

    /**
     * @param from    the entity and alias, e.g. {@code Article a}
     * @param fetches joins to fetch with the page (not with the count), e.g. {@code join fetch a.category}
     */
    public ListQuery(Class<E> type, String alias, String from, String fetches) {
        this.type = type;
        this.alias = alias;
        this.from = from;
        this.fetches = fetches;
        this.selection = alias;
    }

    /**
     * What a page's rows are, when not the entities: a projection (e.g. {@code new Row(a.id, c.name)}) of the listed
     * entity and what {@code fetches} joins, which reads no more than the page shows and loads no entity.
     */
    public ListQuery<E> selecting(String projection) {
        this.selection = projection;
        return this;
    }

    public ListQuery<E> where(String condition) {
        conditions.add(condition);
        return this;
    }

    public ListQuery<E> where(String condition, String param, Object value) {
        return where(condition).param(param, value);
    }

    public ListQuery<E> param(String name, Object value) {
        params.put(name, value);
        return this;
    }

    /** A parameter of the page's order only (e.g. of a relevance), which counts and other selects do not have. */
    public ListQuery<E> orderParam(String name, Object value) {
        orderParams.put(name, value);
        return this;
    }

    /**
     * The longest each statement of this query may run; past it the database cancels it, and the request is answered
     * 503 with Retry-After. JDBC counts whole seconds: at least one.
     */
    public ListQuery<E> timeout(Duration timeout) {
        this.timeout = timeout;
        return this;
    }

    /**
     * Counts are taken from and kept in {@code counts}, under a key made of the query and its parameters except
     * {@code presentParams}: those that stand for the present instant, whose passing changes what a count holds only
     * when a scheduled change comes due (which {@code counts} must see to).
     */
    public ListQuery<E> countedIn(Counts counts, String... presentParams) {
        this.counts = counts;
        this.presentParams = Set.of(presentParams);
        return this;
    }

    /**
     * The query, its parameters told to bind one value each (lists come as InList), and bounded by the timeout if any.
     * Hibernate keeps no plan of a query with a parameter that may bind a list, and takes for one a parameter that is
     * the last argument of a function (varargs), such as the search's
     * {@code headline_search_matches(document, locale, :q)}: such a query was translated to SQL on every run.
     */
    private <Q extends TypedQuery<?>> Q prepared(Q query) {
        for (Parameter<?> parameter : query.getParameters()) {
            ((QueryParameterImplementor<?>) parameter).disallowMultiValuedBinding();
        }
        if (timeout != null) {
            query.setHint("jakarta.persistence.query.timeout", (int) Math.max(1_000, timeout.toMillis()));
        }
        return query;
    }

    public Slice<E> fetch(EntityManager em, List<SortKey<E>> sort, PageRequest page) {
        return fetch(em, sort, page, rows -> rows.size());
    }

    /**
     * @param keep how many of a page's rows to return (at least one): fewer than all when the rest would cost too
     *             much to answer with; the next cursor then continues right after the last row kept
     */
    public Slice<E> fetch(EntityManager em, List<SortKey<E>> sort, PageRequest page, ToIntFunction<List<E>> keep) {
        Map<String, Object> pageParams = new HashMap<>(params);
        pageParams.putAll(orderParams);
        List<String> pageConditions = new ArrayList<>(conditions);
        String spec = Sorting.spec(sort);
        // An order by a computed value (relevance) has no row keys to continue after: its cursor is an offset.
        boolean positional = sort.stream().anyMatch(k -> k.value() == null);
        int offset = page.offset();
        if (page.cursor() != null && positional) {
            offset = Cursor.decode(page.cursor()).offsetFor(spec);
            if (offset > PageRequest.MAX_DEPTH) {
                // Same bound as page × size: an order by a computed value can only skip rows by reading them.
                throw ProblemException.invalidParameter("cursor", "goes past the " + PageRequest.MAX_DEPTH
                        + " items a list by relevance reaches; narrow the query, or sort by a field such as "
                        + "-publishedAt, whose cursors go any depth");
            }
        } else if (page.cursor() != null) {
            pageConditions.add(Keyset.after(sort, cursorValues(page.cursor(), spec, sort), pageParams));
        }
        TypedQuery<E> query = prepared(em.createQuery("select " + selection + " from " + from + " " + fetches
                + whereClause(pageConditions) + Sorting.orderBy(sort), type));
        pageParams.forEach(query::setParameter);
        query.setFirstResult(offset).setMaxResults(page.size() + 1);
        List<E> rows = timed(query::getResultList);

        List<E> items = rows.size() > page.size() ? rows.subList(0, page.size()) : rows;
        boolean truncated = false;
        if (!items.isEmpty()) {
            int kept = Math.max(1, keep.applyAsInt(items));
            truncated = kept < items.size();
            items = items.subList(0, Math.min(kept, items.size()));
        }
        boolean more = rows.size() > items.size();
        String next = null;
        if (more && positional) {
            next = Cursor.atOffset(spec, offset + items.size()).encode();
        } else if (more) {
            E last = items.get(items.size() - 1);
            next = new Cursor(spec, sort.stream().map(k -> k.text(last)).toList()).encode();
        }
        return new Slice<>(items, next, page.count() ? count(em) : null, truncated);
    }

    /** Any other query over the same matching rows, e.g. counts grouped by a relation (facets): its first rows. */
    public <R> List<R> select(EntityManager em, String select, String joins, String tail, Class<R> resultType,
            int limit) {
        TypedQuery<R> query = prepared(em.createQuery("select " + select + " from " + from + " " + joins
                + whereClause(conditions) + " " + tail, resultType));
        params.forEach(query::setParameter);
        return timed(() -> query.setMaxResults(limit).getResultList());
    }

    private long count(EntityManager em) {
        String statement = "select count(" + alias + ") from " + from + whereClause(conditions);
        LongSupplier count = () -> {
            TypedQuery<Long> query = prepared(em.createQuery(statement, Long.class));
            params.forEach(query::setParameter);
            return timed(query::getSingleResult);
        };
        if (counts == null) {
            return count.getAsLong();
        }
        StringBuilder key = new StringBuilder(statement);
        Instant[] at = {null};
        new TreeMap<>(params).forEach((name, value) -> {
            if (presentParams.contains(name)) {
                at[0] = value instanceof Instant instant ? instant : at[0];
            } else {
                // Sorted, so that one filter makes one key whatever order its set came in.
                key.append('|').append(name).append('=').append(value instanceof Collection<?> values
                        ? values.stream().map(String::valueOf).sorted().toList() : value);
            }
        });
        return counts.count(key.toString(), at[0], count);
    }

    /** A statement cancelled by its timeout: the database is too busy, or the query too costly, to answer now. */
    private static <T> T timed(Supplier<T> statement) {
        try {
            return statement.get();
        } catch (PersistenceException e) {
            for (Throwable cause = e; cause != null; cause = cause.getCause()) {
                if (cause instanceof QueryTimeoutException || cause instanceof org.hibernate.QueryTimeoutException) {
                    throw ProblemException.unavailable("The query took longer than this server allows and was "
                            + "stopped; retry after Retry-After seconds, or narrow it (filters, a more specific q, "
                            + "count=false).", TIMEOUT_RETRY_AFTER_SECONDS);
                }
            }
            throw e;
        }
    }

    private static <E> List<Object> cursorValues(String token, String spec, List<SortKey<E>> sort) {
        List<String> texts = Cursor.decode(token).valuesFor(spec, sort.size());
        List<Object> values = new ArrayList<>();
        try {
            for (int i = 0; i < sort.size(); i++) {
                values.add(sort.get(i).parse(texts.get(i)));
            }
        } catch (DateTimeParseException | IllegalArgumentException e) {
            throw Cursor.notOurs();
        }
        return values;
    }

    private static String whereClause(List<String> conditions) {
        return conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions);
    }
}
