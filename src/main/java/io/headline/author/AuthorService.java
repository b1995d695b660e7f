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
import io.headline.locale.LocaleChoice;
import io.headline.locale.Locales;
import io.headline.locale.NameTranslationWrites;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class AuthorService {

    private final AuthorRepository authors;
    private final ArticleRepository articles;
    private final MergePatcher patcher;
    private final Clock clock;
    private final ChangeRecorder recorder;
    private final AuthorTranslationRepository translations;
    private final Locales locales;
    private final NameTranslationWrites<Author, AuthorTranslation> translationWrites;

    public AuthorService(AuthorRepository authors, ArticleRepository articles, MergePatcher patcher, Clock clock,
            ChangeRecorder recorder, AuthorTranslationRepository translations, Locales locales) {
        this.translations = translations;
        this.locales = locales;
        this.translationWrites = new NameTranslationWrites<>(new NameTranslationWrites.Of<>("author", authors,
                translations, AuthorTranslation::new, false), locales, clock,
                author -> changed(author, ChangeKind.updated));
        this.recorder = recorder;
        this.authors = authors;
        this.articles = articles;
        this.patcher = patcher;
        this.clock = clock;
    }

    /** A page of authors in the default locale's text. */
    public Slice<AuthorView> list(String sort, PageRequest page, boolean withEmail) {
        return list(sort, page, LocaleChoice.byDefault(locales), withEmail);
    }

    /** A page of authors, each in its best text along the choice's chain (one query for the page's texts). */
    public Slice<AuthorView> list(String sort, PageRequest page, LocaleChoice choice, boolean withEmail) {
        Slice<Author> found = authors.list(sort, page);
        Map<UUID, AuthorTranslation> texts = translations.best(found.items().stream().map(a -> a.id).toList(),
                choice, locales.defaultLocale());
        return found.map(a -> AuthorMapper.toView(a, texts, locales.defaultLocale(), withEmail));
    }

    /** The author in the default locale's text. */
    public Optional<AuthorView> find(String idOrSlug, boolean withEmail) {
        return find(idOrSlug, LocaleChoice.byDefault(locales), withEmail);
    }

    public Optional<AuthorView> find(String idOrSlug, LocaleChoice choice, boolean withEmail) {
        return authors.findByIdOrSlug(idOrSlug).map(a -> view(a, choice, withEmail));
    }

    /** Writes the author's name and bio in a locale other than the default (a write of the author). */
    public Optional<AuthorView> translate(String idOrSlug, String locale, AuthorTranslationInput input) {
        return translationWrites.put(idOrSlug, locale, input.name(), input.bio(),
                (author, choice) -> view(author, choice, true));
    }

    /** Deletes the author's text in a locale; false when there is no author, a 404 when it has no such text. */
    @Transactional
    public boolean untranslate(String idOrSlug, String locale) {
        return translationWrites.remove(idOrSlug, locale);
    }

    /** The author's texts in locales other than the default, in the order of the locales. */
    public Optional<List<AuthorTranslationView>> translations(String idOrSlug) {
        return translationWrites.list(idOrSlug)
                .map(found -> found.stream().map(AuthorMapper::toTranslationView).toList());
    }

    /** In a transaction of its own, retried when a concurrent create takes the slug first (see UniqueRetry). */
    public AuthorView create(AuthorInput input) {
        return UniqueRetry.create(() -> {
            Author author = new Author();
            write(author, input);
            authors.persist(author);
            authors.flush();
            changed(author, ChangeKind.created);
            return written(author, true);
        });
    }

    @Transactional
    public Optional<AuthorView> replace(String idOrSlug, AuthorInput input) {
        return authors.findByIdOrSlug(idOrSlug).map(author -> {
            write(author, input);
            authors.flush();
            changed(author, ChangeKind.updated);
            return written(author, true);
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
        return Optional.of(written(author, true));
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

    private AuthorView view(Author author, LocaleChoice choice, boolean withEmail) {
        return AuthorMapper.toView(author, translations.best(List.of(author.id), choice, locales.defaultLocale()),
                locales.defaultLocale(), withEmail);
    }

    /** An author in its own text, the default locale's: as a write of that text leaves it, as changes keep it. */
    private AuthorView written(Author author, boolean withEmail) {
        return AuthorMapper.toView(author, Map.of(), locales.defaultLocale(), withEmail);
    }

    private void changed(Author author, ChangeKind kind) {
        recorder.record(Change.of(ResourceType.author, author.id, author.slug, kind)
                .withState(kind == ChangeKind.deleted ? null : () -> written(author, false)));
    }
}
