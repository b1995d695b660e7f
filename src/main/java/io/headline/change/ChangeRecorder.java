package io.headline.change;

import io.headline.delivery.Cacheable;
import io.headline.invalidation.ContentChanged;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The last step of every content write, one article through the API or a batch of thousands from an import: what the
 * write made stale is invalidated (one event, which takes effect on every instance when the transaction commits) and
 * its changes are appended to the change log, in that order and once per transaction (issue #19). Which lists a kind
 * of content shows in is decided here, once.
 */
@ApplicationScoped
public class ChangeRecorder {

    /**
     * The collection keys a change of each kind makes stale: an article may move into, out of or within every list of
     * articles, related articles and searches; a category's move in the tree changes which articles a category lists;
     * an author shows in author lists and in searches by name.
     */
    private static final Map<ResourceType, List<String>> LISTS = Map.of(
            ResourceType.article, List.of("articles", "related", "search"),
            ResourceType.category, List.of("categories", "search", "articles"),
            ResourceType.author, List.of("authors", "search"));

    private final Event<ContentChanged> invalidations;
    private final ChangeLog changeLog;

    ChangeRecorder(Event<ContentChanged> invalidations, ChangeLog changeLog) {
        this.invalidations = invalidations;
        this.changeLog = changeLog;
    }

    /** Records the changes of the caller's transaction, which must have flushed its writes: call it last. */
    public void record(Change... changes) {
        invalidate(Arrays.asList(changes));
        changeLog.append(changes);
    }

    /** As {@link #record(Change...)}, for a batch written with plain JDBC on {@code connection}. */
    public void record(Connection connection, List<Change> changes) throws SQLException {
        invalidate(changes);
        changeLog.append(connection, changes);
    }

    /**
     * Shows content anew wherever it is cached, without a change of its own in the log: what it shows of another
     * resource changed (a media's alt text in an article's body).
     */
    public void shownAnew(ResourceType type, UUID id) {
        invalidations.fire(new ContentChanged(keys(type, id)));
    }

    private void invalidate(Collection<Change> changes) {
        Set<String> keys = new HashSet<>();
        for (Change change : changes) {
            keys.addAll(keys(change.type(), change.id()));
        }
        if (!keys.isEmpty()) {
            invalidations.fire(new ContentChanged(keys));
        }
    }

    private static Set<String> keys(ResourceType type, UUID id) {
        Set<String> keys = new HashSet<>(LISTS.get(type));
        keys.add(Cacheable.key(type.name(), id));
        return keys;
    }
}
