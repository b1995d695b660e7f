package io.headline.author;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.headline.article.ArticleRepository;
import io.headline.change.Change;
import io.headline.change.ChangeKind;
import io.headline.change.ChangeRecorder;
import io.headline.change.ResourceType;
import io.headline.common.error.ProblemException;
import io.headline.common.json.MergePatcher;
import io.headline.common.paging.PageRequest;
import io.headline.common.persistence.UniqueRetry;
import io.headline.common.query.Slice;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.Optional;

@ApplicationScoped
public class AuthorService {

    private final AuthorRepository authors;
    private final ArticleRepository articles;
    private final MergePatcher patcher;
    private final Clock clock;
    private final ChangeRecorder recorder;

    public AuthorService(AuthorRepository authors, ArticleRepository articles, MergePatcher patcher, Clock clock,
            ChangeRecorder recorder) {
        this.recorder = recorder;
        this.authors = authors;
        this.articles = articles;
        this.patcher = patcher;
        this.clock = clock;
    }

    public Slice<AuthorView> list(String sort, PageRequest page, boolean withEmail) {
        return authors.list(sort, page).map(a -> AuthorMapper.toView(a, withEmail));
    }

    public Optional<AuthorView> find(String idOrSlug, boolean withEmail) {
        return authors.findByIdOrSlug(idOrSlug).map(a -> AuthorMapper.toView(a, withEmail));
    }

    /** In a transaction of its own, retried when a concurrent create takes the slug first (see UniqueRetry). */
    public AuthorView create(AuthorInput input) {
        return UniqueRetry.create(() -> {
            Author author = new Author();
            write(author, input);
            authors.persist(author);
            authors.flush();
            changed(author, ChangeKind.created);
            return AuthorMapper.toView(author, true);
        });
    }

    @Transactional
    public Optional<AuthorView> replace(String idOrSlug, AuthorInput input) {
        return authors.findByIdOrSlug(idOrSlug).map(author -> {
            write(author, input);
            authors.flush();
            changed(author, ChangeKind.updated);
            return AuthorMapper.toView(author, true);
        });
    }

    @Transactional
    public Optional<AuthorView> patch(String idOrSlug, JsonNode patch) throws JsonProcessingException {
        Optional<Author> found = authors.findByIdOrSlug(idOrSlug);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Author author = found.get();
        write(author, patcher.patch(AuthorMapper.toInput(author), patch));
        authors.flush();
        changed(author, ChangeKind.updated);
        return Optional.of(AuthorMapper.toView(author, true));
    }

    @Transactional
    public boolean delete(String idOrSlug) {
        Optional<Author> found = authors.findByIdOrSlug(idOrSlug);
        found.ifPresent(author -> {
            authors.lockForDelete(author);
            long used = articles.countByAuthor(author.id);
            if (used > 0) {
                throw ProblemException.conflict("Author '" + author.slug + "' is credited on " + used
                        + " article(s); change or delete those first.");
            }
            authors.delete(author);
            // An article written meanwhile that uses it fails the delete here, as a 409, rather than at commit.
            authors.flush();
            changed(author, ChangeKind.deleted);
        });
        return found.isPresent();
    }

    private void write(Author author, AuthorInput input) {
        String requested = input.slug() != null ? input.slug() : author.slug;
        author.slug = authors.claimSlug(requested, input.name(), "author", author.id);
        AuthorMapper.apply(input, author);
        author.touch(clock.instant());
    }

    private void changed(Author author, ChangeKind kind) {
        recorder.record(Change.of(ResourceType.author, author.id, author.slug, kind)
                .withState(kind == ChangeKind.deleted ? null : () -> AuthorMapper.toView(author, false)));
    }
}
