package io.headline.article;

import io.headline.common.error.ProblemException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.function.Function;

/**
 * The rules every article write obeys, whichever way it comes in: an API write (ArticleService) and a line of an import
 * (transfer/ImportWriter) call these, so that a rule changed here changes both (issue #19). Pure functions of what is
 * stored and what is asked; a write that breaks one is refused with the problem the API answers.
 */
public final class ArticleRules {

    /** The status and publication time a write ends with. */
    public record Publication(ArticleStatus status, Instant publishedAt) {
    }

    private ArticleRules() {
    }

    /**
     * Where a write leaves the article's workflow. No status asked keeps the current one (a new article is a draft);
     * a move must be one {@link ArticleStatus#next()} allows; scheduling needs a time in the future. The publication
     * time, when none is asked: a publication keeps the earlier one or stamps now, an archive keeps it, a draft has
     * none.
     *
     * @param current   the stored status, null for a new article
     * @param previous  the stored publication time, or null
     * @param requested the status asked for, or null
     * @param asked     the publication time asked for, or null
     */
    public static Publication publication(ArticleStatus current, Instant previous, ArticleStatus requested,
            Instant asked, Instant now) {
        ArticleStatus status = requested != null ? requested : current != null ? current : ArticleStatus.draft;
        if (current != null && status != current && !current.next().contains(status)) {
            throw ProblemException.conflict("An article cannot go from " + current + " to " + status + "; from "
                    + current + " it can go to " + current.next() + ".");
        }
        if (status == ArticleStatus.scheduled && status != current && asked != null && !asked.isAfter(now)) {
            throw ProblemException.invalidField("publishedAt", "must be in the future to schedule; publish instead");
        }
        if (asked != null) {
            return new Publication(status, asked.truncatedTo(ChronoUnit.MICROS));
        }
        return new Publication(status, switch (status) {
            case published -> previous != null ? previous : now.truncatedTo(ChronoUnit.MICROS);
            case scheduled -> throw ProblemException.invalidField("publishedAt", "is required to schedule an article");
            case archived -> previous;
            case draft -> null;
        });
    }

    /** The status a reader sees: a scheduled article whose time has come reads as published. */
    public static ArticleStatus statusAt(ArticleStatus status, Instant publishedAt, Instant now) {
        return status == ArticleStatus.scheduled && Article.isPublicAt(status, publishedAt, now) ? ArticleStatus.published
                : status;
    }

    /** A title as stored: without surrounding white space. */
    public static String title(String title) {
        return title.strip();
    }

    /** Tags as stored: stripped, each once, in the order first given. */
    public static List<String> tags(List<String> tags) {
        return tags == null ? List.of() : List.copyOf(new LinkedHashSet<>(tags.stream().map(String::strip).toList()));
    }

    /**
     * The credited authors, each once: {@code resolve} finds the author a reference names (a 422 naming the field when
     * there is none), {@code slug} tells two references to one author apart.
     */
    public static <A> List<A> credits(List<String> references, Function<Integer, A> resolve, Function<A, String> slug) {
        List<A> credited = new ArrayList<>();
        for (int i = 0; i < references.size(); i++) {
            A author = resolve.apply(i);
            if (credited.contains(author)) {
                throw ProblemException.invalidField("authors[" + i + "]", "credits '" + slug.apply(author) + "' twice");
            }
            credited.add(author);
        }
        return credited;
    }
}
