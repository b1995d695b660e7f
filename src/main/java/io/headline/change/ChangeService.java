package io.headline.change;

import io.headline.locale.Locales;
import io.headline.common.ApiPaths;
import io.headline.common.error.ProblemException;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

@ApplicationScoped
public class ChangeService {

    public static final int DEFAULT_LIMIT = 100;
    public static final int MAX_LIMIT = 1000;
    /** The most log numbers one read scans. */
    static final long SCAN_WINDOW = 10_000;

    private final ChangeLog log;
    private final ChangeMarks marks;
    private final Clock clock;

    private final Locales locales;

    ChangeService(ChangeLog log, ChangeMarks marks, Clock clock, Locales locales) {
        this.locales = locales;
        this.log = log;
        this.marks = marks;
        this.clock = clock;
    }

    /**
     * Up to {@code limit} changes after {@code cursor}. Scheduled articles whose time has come are logged first (their
     * appearance), so the reader finds them after what it has read. The public sees what is public: authors and
     * categories, and an article's changes while it is public, with the change that hides it as a deletion. A cursor
     * beyond the log's last number is refused rather than answered with an empty page: after a restore that took the
     * numbers back, or with a cursor from another environment, a mirror would otherwise skip every change until the
     * log caught up with it.
     */
    public ChangeFeed changes(String cursor, int limit, boolean everything, String locale) {
        ChangeLog.Translation translation = locale == null ? null
                : new ChangeLog.Translation(locales.parse(locale), locales.defaultLocale());
        ChangeCursor.Position position = ChangeCursor.parse(cursor);
        long after = position.seq();
        Instant now = clock.instant();
        if (log.anyDue(now)) {
            QuarkusTransaction.requiringNew().run(() -> log.appendDue(now));
        }
        // A read looks at no more than SCAN_WINDOW numbers, however many of them the caller may not see (a public
        // reader behind a large draft import), and moves past those it looked at: its cursor never stalls on them.
        long last = log.lastSeq();
        if (after > last) {
            throw ProblemException.invalidParameter("since", "is beyond the end of the change log (restored, or from "
                    + "another environment); resync from the start: request without since");
        }
        if (position.mark() != null && !log.at(after).map(e -> holds(position, e, everything)).orElse(false)) {
            throw ProblemException.invalidParameter("since", "points at a change this log does not have (it was "
                    + "restored to an earlier state, or the cursor is from another environment); resync from the start: "
                    + "request without since");
        }
        long upTo = Math.min(last, after + SCAN_WINDOW);
        List<ChangeLog.Entry> entries = log.after(after, upTo, limit + 1, !everything, translation);
        boolean full = entries.size() > limit;
        List<ChangeLog.Entry> page = entries.stream().limit(limit).toList();
        // A change that hides an article may rename it too: the public is told the slug it saw, not the new one.
        Map<Long, String> seenSlugs = everything ? Map.of()
                : log.slugsBefore(page.stream().filter(ChangeService::hidesFromThePublic).toList());
        List<ChangeView> changes = page.stream()
                .map(e -> view(e, everything, hidesFromThePublic(e) && !everything ? seenSlugs.get(e.seq()) : e.slug()))
                .toList();
        boolean hasMore = full || upTo < last;
        if (full) {
            return new ChangeFeed(changes, cursor(entries.get(limit - 1)), true);
        }
        // Up to the end of what it looked at, which the caller may not see all of: the mark is keyed, so it tells
        // nothing of a change the caller may not see
        String next = upTo == 0 ? ChangeCursor.start()
                : !entries.isEmpty() && entries.get(entries.size() - 1).seq() == upTo ? cursor(entries.get(entries.size() - 1))
                : cursor(log.at(upTo).orElseThrow());
        return new ChangeFeed(changes, next, hasMore);
    }

    /**
     * Whether the cursor's mark is that of the change at its number. A mark made before marks were keyed is checked
     * only where the caller sees the change: elsewhere, comparing it would tell whoever can compute one (from an id
     * and an instant) whether that hidden change is the one they guessed; there it is taken at its number.
     */
    private boolean holds(ChangeCursor.Position position, ChangeLog.Entry at, boolean everything) {
        if (!position.keyed() && !everything && !seenByThePublic(at)) {
            return true;
        }
        return marks.matches(at, position.mark(), position.keyed());
    }

    private String cursor(ChangeLog.Entry e) {
        return ChangeCursor.of(e.seq(), marks.of(e));
    }

    /** The public feed shows every author and category change, and an article's while it is public or that hide it. */
    private static boolean seenByThePublic(ChangeLog.Entry e) {
        return e.type() != ResourceType.article || e.wasPublic() || e.isPublic();
    }

    private static boolean hidesFromThePublic(ChangeLog.Entry e) {
        return e.type() == ResourceType.article && e.wasPublic() && !e.isPublic();
    }

    private ChangeView view(ChangeLog.Entry e, boolean everything, String slug) {
        ChangeKind kind = everything || e.type() != ResourceType.article ? e.kind()
                : !e.isPublic() ? ChangeKind.deleted
                : e.wasPublic() ? ChangeKind.updated : ChangeKind.published;
        boolean gone = kind == ChangeKind.deleted;
        String locale = e.type() != ResourceType.article ? null
                : e.locale() != null ? e.locale() : locales.defaultLocale();
        return new ChangeView(cursor(e), e.type() + "." + kind, kind, e.type(), e.id(), slug, locale,
                e.occurredAt(), gone ? null : e.publishedAt(),
                gone ? null : ApiPaths.item(e.type().collection(), e.id()).toString());
    }
}
