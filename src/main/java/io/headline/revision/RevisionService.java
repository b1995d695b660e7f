package io.headline.revision;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.headline.article.Article;
import io.headline.article.ArticleInput;
import io.headline.article.ArticleMapper;
import io.headline.article.ArticleRepository;
import io.headline.article.ArticleService;
import io.headline.article.ArticleView;
import io.headline.article.ArticleWritten;
import io.headline.common.paging.PageRequest;
import io.headline.common.query.Slice;
import io.headline.delivery.IfMatch;
import io.headline.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

@ApplicationScoped
public class RevisionService {

    private final ArticleRevisionRepository revisions;
    private final ArticleRepository articles;
    private final ArticleService articleService;
    private final ObjectMapper mapper;
    private final Clock clock;

    public RevisionService(ArticleRevisionRepository revisions, ArticleRepository articles,
            ArticleService articleService, ObjectMapper mapper, Clock clock) {
        this.revisions = revisions;
        this.articles = articles;
        this.articleService = articleService;
        this.mapper = mapper;
        this.clock = clock;
    }

    /**
     * Keeps every write as the article's next revision, in the write's own transaction: the write holds the
     * article's row lock, so numbers are taken in turn, and a failure here undoes the write.
     */
    void record(@Observes ArticleWritten written) {
        Article article = written.article();
        try {
            int number = written.created() ? 1 : revisions.lastNumber(article.id) + 1;
            revisions.persist(new ArticleRevision(article.id, number, written.editor(),
                    clock.instant().truncatedTo(ChronoUnit.MICROS),
                    mapper.writeValueAsString(ArticleMapper.toInput(article))));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The article's revisions, newest first, without their snapshots. */
    public Optional<Slice<RevisionView>> list(String idOrSlug, PageRequest page) {
        return articles.findByIdOrSlug(idOrSlug)
                .map(article -> revisions.newestFirst(article.id, page).map(r -> view(r, null)));
    }

    public Optional<RevisionView> find(String idOrSlug, int number) {
        return revision(idOrSlug, number).map(r -> view(r, snapshotOf(r)));
    }

    /**
     * Writes the revision's snapshot back as a full replace, which is itself a new revision. A snapshot naming a
     * category or author that no longer exists is refused like any such write (422), and a slug another article
     * has taken since like any taken slug (409).
     */
    @Transactional
    public Optional<ArticleView> restore(String idOrSlug, int number, IfMatch ifMatch, Caller caller) {
        return revision(idOrSlug, number).flatMap(r ->
                articleService.replace(r.articleId.toString(), snapshotOf(r), ifMatch, caller));
    }

    private Optional<ArticleRevision> revision(String idOrSlug, int number) {
        return articles.findByIdOrSlug(idOrSlug).flatMap(article -> revisions.find(article.id, number));
    }

    private ArticleInput snapshotOf(ArticleRevision revision) {
        try {
            return mapper.readValue(revision.snapshot, ArticleInput.class);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static RevisionView view(ArticleRevision r, ArticleInput snapshot) {
        return new RevisionView(r.number, r.articleId, r.author, r.createdAt, snapshot);
    }
}
