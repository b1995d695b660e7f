package io.headline.article;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.headline.author.Author;
import io.headline.change.ChangeRecorder;
import io.headline.change.ResourceType;
import io.headline.author.AuthorRepository;
import io.headline.category.CategoryRepository;
import io.headline.common.error.ProblemException;
import io.headline.common.error.ProblemType;
import io.headline.common.json.MergePatcher;
import io.headline.common.persistence.UniqueRetry;
import io.headline.common.query.Slice;
import io.headline.delivery.EntityTags;
import io.headline.delivery.IfMatch;
import io.headline.media.MediaImage;
import io.headline.common.persistence.SluggedRepository;
import io.headline.locale.LocaleChoice;
import io.headline.locale.LocaleTags;
import io.headline.locale.Locales;
import io.headline.search.Facets;
import io.headline.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.LongConsumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;

@ApplicationScoped
public class ArticleService {

    /** Writes answer with the whole article, as an editor's tool needs it. */
    private static final ArticleShape WRITTEN = ArticleShape.parse(null, null, ArticleShape.ITEM_FIELDS, true);
    /** A preview shows the article as a reader will see it. */
    public static final ArticleShape PREVIEWED = ArticleShape.parse(null, null, ArticleShape.ITEM_FIELDS, false);
    /** Enough to know the article exists. */
    public static final ArticleShape ID_ONLY = ArticleShape.parse("id", null, ArticleShape.ITEM_FIELDS, false);
    private static final ArticleShape LISTED = ArticleShape.parse(null, null, ArticleShape.LIST_FIELDS, false);
    private static final BodyNeeds LISTED_NEEDS = BodyNeeds.of(LISTED);
    private static final UUID NO_ONE = new UUID(0, 0);
    private static final int RELATED_CANDIDATES = 200;

    private final ArticleRepository articles;
    private final AuthorRepository authors;
    private final CategoryRepository categories;
    private final MergePatcher patcher;
    private final EntityTags etags;
    private final Event<ArticleWritten> writtenEvents;
    private final Clock clock;
    private final ChangeRecorder recorder;
    private final ArticleImages images;
    private final Locales locales;
    private final ArticleNames names;

    public ArticleService(ArticleRepository articles, AuthorRepository authors, CategoryRepository categories,
            MergePatcher patcher, EntityTags etags, Event<ArticleWritten> writtenEvents, Clock clock,
            ChangeRecorder recorder, ArticleImages images, Locales locales, ArticleNames names) {
        this.names = names;
        this.locales = locales;
        this.recorder = recorder;
        this.images = images;
        this.articles = articles;
        this.authors = authors;
        this.categories = categories;
        this.patcher = patcher;
        this.etags = etags;
        this.writtenEvents = writtenEvents;
        this.clock = clock;
    }

    public Slice<ArticleView> list(ArticleListRequest request) {
        return list(request, null);
    }

    /**
     * As {@link #list(ArticleListRequest)}, telling {@code beforeBodies} how many bytes of whole bodies the page is
     * about to read, before it reads them: so that what a response holds for them (a body-read permit) is what they
     * weigh, not the most a page may weigh.
     */
    public Slice<ArticleView> list(ArticleListRequest request, LongConsumer beforeBodies) {
        Instant now = clock.instant();
        ArticleListRequest.Filter filter = request.filter();
        BodyNeeds needs = BodyNeeds.of(request.shape());
        Slice<ArticleRow> page = articles.list(filter, categoryIds(filter), authorId(filter), request.sort(),
                request.page(), now, needs);
        return views(page, request, now, needs, beforeBodies);
    }

    /** A list's page and its facets (the search endpoint's), with what the list covers worked out once for both. */
    public ArticleRepository.Faceted<ArticleView> listWithFacets(ArticleListRequest request, int limit) {
        Instant now = clock.instant();
        ArticleListRequest.Filter filter = request.filter();
        BodyNeeds needs = BodyNeeds.of(request.shape());
        ArticleRepository.Faceted<ArticleRow> found = articles.listWithFacets(filter, categoryIds(filter),
                authorId(filter), request.sort(), request.page(), now, needs, limit);
        return new ArticleRepository.Faceted<>(views(found.page(), request, now, needs, null), found.facets());
    }

    private Slice<ArticleView> views(Slice<ArticleRow> page, ArticleListRequest request, Instant now,
            BodyNeeds needs, LongConsumer beforeBodies) {
        if (beforeBodies != null) {
            beforeBodies.accept(articles.bodySizes(page.items(), needs).values().stream().mapToLong(Long::longValue)
                    .sum());
        }
        // Read apart from the rows (see ArticleRepository#bodies).
        Map<UUID, ArticleBody> bodies = articles.bodies(page.items(), needs);
        List<ArticleRow> rows = names.inTheirLocales(translated(credited(page.items(), request.shape()),
                request.shape(), request.filter().includeUnpublished(), now));
        Map<UUID, MediaImage> features = images.features(rows, request.shape());
        return new Slice<>(rows.stream().map(a -> ArticleMapper.toView(a.withBody(bodies.getOrDefault(a.id(), a.body())),
                ArticleImages.featureOf(a, features), now, request.shape())).toList(), page.nextCursor(),
                page.totalItems(), page.truncated());
    }

    /**
     * The rows with the translations the caller may see, when {@code shape} shows them and there is more than one
     * locale (with one, a row's only translation is itself).
     */
    private List<ArticleRow> translated(List<ArticleRow> rows, ArticleShape shape, boolean includeUnpublished,
            Instant now) {
        if (!shape.has("translations") || !locales.multiple() || rows.isEmpty()) {
            return rows;
        }
        Map<UUID, List<ArticleTranslation>> byGroup = links(articles.translations(rows.stream().map(ArticleRow::group)
                .collect(Collectors.toSet())), includeUnpublished, now);
        return rows.stream().map(r -> r.withTranslations(byGroup.getOrDefault(r.group(), List.of()))).toList();
    }

    /** The translations the caller may see of each group, in the order of headline.locales. */
    private Map<UUID, List<ArticleTranslation>> links(List<ArticleRepository.Sibling> siblings,
            boolean includeUnpublished, Instant now) {
        return seen(siblings, includeUnpublished, now).collect(Collectors.groupingBy(ArticleRepository.Sibling::group,
                Collectors.mapping(t -> ArticleTranslation.of(t.locale(), t.slug()), Collectors.toList())));
    }

    /** The translations the caller may see, in a configured locale, in the order of headline.locales. */
    private Stream<ArticleRepository.Sibling> seen(List<ArticleRepository.Sibling> siblings,
            boolean includeUnpublished, Instant now) {
        return siblings.stream()
                .filter(t -> locales.configured(t.locale()) && (includeUnpublished || t.isPublicAt(now)))
                .sorted(Comparator.comparingInt(t -> locales.all().indexOf(t.locale())));
    }

    /**
     * The translation of {@code named}'s article a read in {@code choice} is about: {@code named} itself unless the
     * caller chose a locale, else the best one the caller may see along the chain (none: empty).
     */
    private Optional<ArticleRow> inChosenLocale(ArticleRow named, LocaleChoice choice, boolean includeUnpublished,
            Instant now) {
        if (!choice.stated() || choice.all() || !locales.multiple()) {
            return Optional.of(named);
        }
        return articles.translations(List.of(named.group())).stream()
                .filter(t -> choice.chain().contains(t.locale()) && (includeUnpublished || t.isPublicAt(now)))
                .min(Comparator.comparingInt(t -> choice.rank(t.locale())))
                .flatMap(best -> best.id().equals(named.id()) ? Optional.of(named)
                        : articles.findRow(best.id().toString(), BodyNeeds.NONE, choice));
    }

    /** The rows with their authors and tags, when {@code shape} shows either. */
    private List<ArticleRow> credited(List<ArticleRow> rows, ArticleShape shape) {
        return shape.has("authors") || shape.has("tags") ? articles.credited(rows) : rows;
    }

    /**
     * Other articles the caller may see, ranked by what they share with this one: the category counts 3,
     * each shared tag 2, each shared author 2; newer first on ties. Ranked in memory over the newest
     * {@value #RELATED_CANDIDATES} candidates that share anything.
     */
    public Optional<List<ArticleView>> related(String idOrSlug, int size, boolean includeUnpublished,
            LocaleChoice choice) {
        Instant now = clock.instant();
        return articles.findRow(idOrSlug, BodyNeeds.NONE, LocaleChoice.byDefault(locales))
                .filter(a -> includeUnpublished || a.isPublicAt(now))
                .flatMap(named -> inChosenLocale(named, choice, includeUnpublished, now))
                .map(found -> {
                    ArticleRow article = articles.credited(List.of(found)).get(0);
                    LocaleChoice served = choice.stated() ? choice : LocaleChoice.from(locales, article.locale());
                    List<ArticleRow> related = names.inTheirLocales(translated(articles.credited(articles
                                    .relatedCandidates(article, served, includeUnpublished, now, RELATED_CANDIDATES))
                            .stream()
                            .sorted(Comparator.comparingInt((ArticleRow candidate) -> -relatedness(article, candidate)))
                            .limit(size)
                            .toList(), LISTED, includeUnpublished, now));
                    Map<UUID, ArticleBody> bodies = articles.bodies(related, LISTED_NEEDS);
                    Map<UUID, MediaImage> features = images.features(related, LISTED);
                    return related.stream()
                            .map(a -> ArticleMapper.toView(a.withBody(bodies.getOrDefault(a.id(), ArticleBody.NONE)),
                                    ArticleImages.featureOf(a, features), now, LISTED))
                            .toList();
                });
    }

    private static int relatedness(ArticleRow article, ArticleRow candidate) {
        int score = candidate.category().id().equals(article.category().id()) ? 3 : 0;
        score += 2 * (int) candidate.tags().stream().filter(article.tags()::contains).count();
        score += 2 * (int) candidate.authors().stream().filter(article.authors()::contains).count();
        return score;
    }

    /**
     * Where the public articles are (their translations in {@code locale}, or all when null), oldest first,
     * {@code limit} from the one at {@code from} or the first; with several locales, each with the public
     * translations of its article.
     */
    public List<ArticleLocation> publicLocations(Optional<ArticleLocation.Key> from, int limit, String locale) {
        Instant now = clock.instant();
        List<ArticleLocation> found = articles.publicLocations(now, from, limit, locale);
        if (!locales.multiple() || found.isEmpty()) {
            return found;
        }
        Map<UUID, List<ArticleLocation.Translation>> byGroup = seen(articles.translations(found.stream()
                .map(ArticleLocation::group).collect(Collectors.toSet())), false, now)
                .collect(Collectors.groupingBy(ArticleRepository.Sibling::group, Collectors.mapping(t ->
                        new ArticleLocation.Translation(t.id(), t.locale(), t.slug(), t.publishedAt()),
                        Collectors.toList())));
        return found.stream().map(a -> a.withTranslations(byGroup.getOrDefault(a.group(), List.of()))).toList();
    }

    /** Where each page of {@code perPage} public articles, oldest first, starts; at most {@code maxPages}. */
    public List<ArticleLocation.Key> publicPageStarts(int perPage, int maxPages, String locale) {
        return articles.publicPageStarts(clock.instant(), perPage, maxPages, locale);
    }

    /** The tags the public sees on published articles, alphabetically, at most {@code limit}. */
    public List<String> publicTags(int limit) {
        return articles.publicTags(clock.instant(), limit);
    }

    /** A filter naming a category or author that does not exist matches nothing, like any other filter. */
    private Collection<UUID> categoryIds(ArticleListRequest.Filter filter) {
        return filter.category() == null ? null : categories.findByIdOrSlug(filter.category())
                .map(c -> filter.includeSubcategories() ? categories.subtree(c.id) : Set.of(c.id))
                .orElse(Set.of(NO_ONE));
    }

    private UUID authorId(ArticleListRequest.Filter filter) {
        return filter.author() == null ? null : authors.findByIdOrSlug(filter.author()).map(a -> a.id).orElse(NO_ONE);
    }

    /** The translation {@code idOrSlug} names, itself, when the caller may see it. */
    public Optional<ArticleView> find(String idOrSlug, boolean includeUnpublished, ArticleShape shape) {
        return find(idOrSlug, includeUnpublished, shape, LocaleChoice.ALL).map(Found::view);
    }

    /**
     * What a read by id or slug answers: the translation it names, or another of its translations, or nothing.
     *
     * @param view     the translation served, or null
     * @param locale   the locale of the translation served (or to serve, at {@code movedTo}), or null
     * @param movedTo  the id or slug of the translation to serve instead (a 301 there), or null
     */
    public record Found(ArticleView view, String locale, String movedTo) {
    }

    /**
     * The translation a read serves: the best one the caller may see along the chain {@code choice} names, of the
     * article {@code idOrSlug} names. When that is not the translation named, the answer is where it is. Without a
     * stated choice, a slug serves its own locale (and its fallbacks); an id names one translation and serves it
     * unless a {@code locale} asks for another. To the public, an unpublished translation is as absent as a missing one.
     */
    public Optional<Found> find(String idOrSlug, boolean includeUnpublished, ArticleShape shape, LocaleChoice choice) {
        return find(idOrSlug, includeUnpublished, includeUnpublished, shape, choice);
    }

    /**
     * A translation as its preview link shows it to whoever holds the link, whatever its status; of its other
     * translations, only those the public sees are listed.
     */
    public Optional<ArticleView> preview(UUID id) {
        return find(id.toString(), true, false, PREVIEWED, LocaleChoice.ALL).map(Found::view);
    }

    private Optional<Found> find(String idOrSlug, boolean includeUnpublished, boolean listsUnpublished,
            ArticleShape shape, LocaleChoice choice) {
        Instant now = clock.instant();
        boolean byId = SluggedRepository.parseId(idOrSlug).isPresent();
        Optional<ArticleRow> named = articles.findRow(idOrSlug, BodyNeeds.of(shape), choice);
        if (named.isEmpty()) {
            return Optional.empty();
        }
        ArticleRow row = named.get();
        boolean fixed = choice.all() || byId && !choice.named();
        if (!fixed && !locales.multiple()) {
            // One locale: the row is its group's only translation a reader may get.
            fixed = row.locale().equals(locales.defaultLocale());
            if (!fixed) {
                return Optional.empty();
            }
        }
        List<ArticleRepository.Sibling> group = locales.multiple() ? articles.translations(List.of(row.group()))
                : List.of();
        if (!fixed) {
            List<String> chain = (choice.stated() ? choice : LocaleChoice.from(locales, row.locale())).chain();
            Optional<ArticleRepository.Sibling> best = group.stream()
                    .filter(t -> chain.contains(t.locale()) && (includeUnpublished || t.isPublicAt(now)))
                    .min(Comparator.comparingInt(t -> chain.indexOf(t.locale())));
            if (best.isEmpty()) {
                return Optional.empty();
            }
            if (!best.get().id().equals(row.id())) {
                boolean sharedSlug = !byId && best.get().slug().equals(idOrSlug);
                if (!sharedSlug && !includeUnpublished && !row.isPublicAt(now)) {
                    // The id or slug of a hidden translation gives away no more than a missing one: no redirect.
                    return Optional.empty();
                }
                if (!sharedSlug) {
                    return Optional.of(new Found(null, best.get().locale(),
                            byId ? best.get().id().toString() : best.get().slug()));
                }
                // Translations that share the slug: a redirect would lead back here. (Gone since: as if missing.)
                Optional<ArticleRow> shared = articles.findRow(best.get().id().toString(), BodyNeeds.of(shape), choice);
                if (shared.isEmpty()) {
                    return Optional.empty();
                }
                row = shared.get();
            }
        } else if (!includeUnpublished && !row.isPublicAt(now)) {
            return Optional.empty();
        }
        ArticleRow credited = names.inTheirLocales(credited(List.of(row), shape)).get(0);
        ArticleRow shown = shape.has("translations") && locales.multiple()
                ? credited.withTranslations(links(group, listsUnpublished, now).getOrDefault(row.group(), List.of()))
                : credited;
        return Optional.of(new Found(ArticleMapper.toView(shown, ArticleImages.featureOf(shown,
                images.features(List.of(shown), shape)), now, shape), row.locale(), null));
    }

    /** In a transaction of its own, retried when a concurrent create takes the slug first (see UniqueRetry). */
    public ArticleView create(ArticleInput input, Caller caller) {
        return UniqueRetry.create(() -> {
            Article article = new Article();
            article.locale = input.locale() == null ? locales.defaultLocale() : locales.writable(input.locale());
            write(article, input, caller);
            articles.persist(article);
            return written(article, caller, ArticleChanges.Before.NONE);
        });
    }

    /**
     * A new translation of the article {@code idOrSlug} names, in a locale its group has none in yet (else 409),
     * sharing what the group shares. The group's translations are locked first, so that two translations into one
     * locale take turns and the second finds the first.
     */
    public Optional<ArticleView> translate(String idOrSlug, TranslationInput input, Caller caller) {
        return UniqueRetry.create(() -> articles.findForUpdate(idOrSlug).map(source -> {
            String locale = locales.writable(input.locale());
            List<Article> group = articles.lockGroup(source.group());
            if (group.stream().anyMatch(t -> t.locale.equals(locale))) {
                throw ProblemException.conflict("The article already has a translation in '" + locale + "'.");
            }
            Article translation = new Article();
            translation.locale = locale;
            translation.translationGroup = source.group();
            write(translation, input.with(ArticleMapper.toInput(source)), caller);
            articles.persist(translation);
            return written(translation, caller, ArticleChanges.Before.NONE);
        }));
    }

    /** The translations of the article {@code idOrSlug} names that the caller may see, in the order of the locales. */
    public Optional<List<ArticleView>> translations(String idOrSlug, boolean includeUnpublished, ArticleShape shape) {
        Instant now = clock.instant();
        return articles.findRow(idOrSlug, BodyNeeds.NONE, LocaleChoice.byDefault(locales))
                .filter(named -> includeUnpublished || named.isPublicAt(now)) // a hidden one's are as absent as it
                .map(named -> {
            List<ArticleRow> rows = articles.groupRows(named.group()).stream()
                    .filter(r -> locales.configured(r.locale()) && (includeUnpublished || r.isPublicAt(now)))
                    .sorted(Comparator.comparingInt(r -> locales.all().indexOf(r.locale())))
                    .toList();
            Map<UUID, ArticleBody> bodies = articles.bodies(rows, BodyNeeds.of(shape));
            List<ArticleRow> shown = names.inTheirLocales(translated(credited(rows, shape), shape, includeUnpublished,
                    now));
            Map<UUID, MediaImage> features = images.features(shown, shape);
            return shown.stream().map(a -> ArticleMapper.toView(a.withBody(bodies.getOrDefault(a.id(), a.body())),
                    ArticleImages.featureOf(a, features), now, shape)).toList();
        });
    }

    /**
     * Full replace. The article is locked from the If-Match check to the commit, so the check sees the state the
     * write replaces; a concurrent writer waits, then finds a new ETag (412).
     */
    @Transactional
    public Optional<ArticleView> replace(String idOrSlug, ArticleInput input, IfMatch ifMatch, Caller caller) {
        return articles.findForUpdate(idOrSlug).map(article -> {
            ifMatch.check(() -> etagOf(article));
            ArticleChanges.Before before = ArticleChanges.Before.of(article, now());
            SharedFields shared = SharedFields.of(article);
            write(article, input, caller);
            share(article, shared, caller);
            return written(article, caller, before);
        });
    }

    @Transactional
    public Optional<ArticleView> patch(String idOrSlug, JsonNode patch, IfMatch ifMatch, Caller caller)
            throws JsonProcessingException {
        Optional<Article> found = articles.findForUpdate(idOrSlug);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Article article = found.get();
        ifMatch.check(() -> etagOf(article));
        ArticleChanges.Before before = ArticleChanges.Before.of(article, now());
        SharedFields shared = SharedFields.of(article);
        write(article, patcher.patch(featureAsPatched(ArticleMapper.toInput(article), patch), patch), caller);
        share(article, shared, caller);
        return Optional.of(written(article, caller, before));
    }

    /**
     * A patch that sends one of featureImage and featureImageUrl replaces the feature image whichever form it had:
     * the other one is dropped from the current state first, so that it does not disagree with the new one.
     */
    private static ArticleInput featureAsPatched(ArticleInput current, JsonNode patch) {
        boolean image = patch.has("featureImage");
        boolean url = patch.has("featureImageUrl");
        if (image == url) {
            return current;
        }
        return new ArticleInput(current.slug(), current.title(), current.subtitle(), current.excerpt(), current.body(),
                current.status(), current.featured(), current.publishedAt(), current.category(), current.authors(),
                current.tags(), image ? null : current.featureImageUrl(), url ? null : current.featureImage(),
                current.locale());
    }

    /** Moves an article to {@code status} (publish, schedule, unpublish, archive): a write like any other. */
    @Transactional
    public Optional<ArticleView> transition(String idOrSlug, ArticleStatus status, Instant publishedAt, Caller caller) {
        return articles.findForUpdate(idOrSlug).map(article -> {
            ArticleInput current = ArticleMapper.toInput(article);
            ArticleChanges.Before before = ArticleChanges.Before.of(article, now());
            // Publishing what was not out yet (a draft, or a schedule brought forward) stamps now; republishing an
            // archived article keeps the time it first went out.
            Instant when = publishedAt != null ? publishedAt : status == ArticleStatus.published
                    && (article.status == ArticleStatus.scheduled || article.status == ArticleStatus.draft) ? now() : null;
            write(article, new ArticleInput(current.slug(), current.title(), current.subtitle(), current.excerpt(),
                    current.body(), status, current.featured(), when != null ? when : keptPublishedAt(article, status),
                    current.category(), current.authors(), current.tags(), current.featureImageUrl(),
                    current.featureImage(), current.locale()), caller);
            return written(article, caller, before);
        });
    }

    /** Unpublishing clears the publication time; archiving and republishing keep it. */
    private static Instant keptPublishedAt(Article article, ArticleStatus status) {
        return status == ArticleStatus.draft || status == ArticleStatus.scheduled ? null : article.publishedAt;
    }

    /**
     * Shows the other translations of {@code article} anew wherever they are cached: what they list of their
     * translations, and which one their slugs serve along a chain, may have changed. No change of their own.
     */
    private void showTranslationsAnew(Article article, List<ArticleRepository.Sibling> group) {
        for (ArticleRepository.Sibling sibling : group) {
            if (!sibling.id().equals(article.id)) {
                recorder.shownAnew(ResourceType.article, sibling.id());
            }
        }
    }

    private Instant now() {
        return clock.instant();
    }

    /** The id of an article the caller may edit, as {@link #write} decides it: an author token, only its own drafts. */
    public Optional<UUID> editableId(String idOrSlug, Caller caller) {
        return articles.findByIdOrSlug(idOrSlug).map(article -> {
            if (caller.ownDraftsOnly() && !isOwnDraft(article, caller)) {
                throw forbidden("An author token may act only on drafts that credit its author.");
            }
            return article.id;
        });
    }

    @Transactional
    public boolean delete(String idOrSlug, IfMatch ifMatch) {
        Optional<Article> found = articles.findForUpdate(idOrSlug);
        found.ifPresent(article -> {
            ifMatch.check(() -> etagOf(article));
            if (article.locale.equals(locales.defaultLocale()) && articles.lockGroup(article.group()).size() > 1) {
                throw ProblemException.conflict("This is the article's translation in the default locale ('"
                        + article.locale + "'): delete its other translations first.");
            }
            articles.delete(article);
            articles.flush();
            showTranslationsAnew(article, group(article));
            recorder.record(ArticleChanges.deleted(article, now()));
        });
        return found.isPresent();
    }

    /**
     * The slug an article has now, when {@code formerSlug} is one it had before and the caller may see it; a
     * hidden article gives its former slugs away no more than its current one.
     */
    public Optional<String> currentSlug(String formerSlug, boolean includeUnpublished, LocaleChoice choice) {
        Instant now = clock.instant();
        return articles.findByFormerSlug(formerSlug, choice)
                .filter(a -> includeUnpublished || a.isPublicAt(now))
                .map(a -> a.slug);
    }

    /**
     * The ETag a GET of the article answers with. Writes answer in the shape of an editor's plain GET, so this
     * is also the ETag of a write's response.
     */
    private String etagOf(Article article) {
        return etags.of(view(article, images.feature(article), WRITTEN, translationsOf(article, group(article))));
    }

    /**
     * Lets observers (revisions) record the write, then flushes inside the transaction, so that a conflict surfaces
     * here as a 409 rather than at commit, and the view shows the new version. The change is recorded last: the change log's
     * append serializes writers from there to their commit (see ChangeLog).
     */
    private ArticleView written(Article article, Caller caller, ArticleChanges.Before before) {
        writtenEvents.fire(new ArticleWritten(article, caller.name(), !before.existed()));
        articles.flush();
        // After the flush: article_media rows reference the article's.
        images.recordUse(article, !before.existed());
        articles.flush();
        MediaImage feature = images.feature(article);
        List<ArticleRepository.Sibling> group = group(article);
        showTranslationsAnew(article, group);
        List<ArticleTranslation> translations = translationsOf(article, group);
        recorder.record(ArticleChanges.written(article, before, now())
                .withState(() -> view(article, feature, PREVIEWED, translations)));
        return view(article, feature, WRITTEN, translations);
    }

    /** The article's translations, itself among them; none where there is one locale (its only one is itself). */
    private List<ArticleRepository.Sibling> group(Article article) {
        return locales.multiple() ? articles.translations(List.of(article.group())) : List.of();
    }

    /** Every translation in {@code group}, as an editor sees them; null where there is one locale (itself alone). */
    private List<ArticleTranslation> translationsOf(Article article, List<ArticleRepository.Sibling> group) {
        return !locales.multiple() ? null : links(group, true, clock.instant()).getOrDefault(article.group(), List.of());
    }

    /**
     * The article a write holds, as an editor's GET shows it: with every translation it has (so that a GET's ETag is
     * the one an If-Match is checked against), or itself alone where there is one locale.
     */
    private ArticleView view(Article article, MediaImage feature, ArticleShape shape,
            List<ArticleTranslation> translations) {
        return ArticleMapper.toView(names.inTheirLocales(List.of(ArticleRow.of(article, shape)
                .withTranslations(translations))).get(0), feature, clock.instant(), shape);
    }

    private void write(Article article, ArticleInput input, Caller caller) {
        Instant now = clock.instant();
        if (caller.ownDraftsOnly() && article.id != null && !isOwnDraft(article, caller)) {
            throw forbidden("An author token may change only drafts that credit its author.");
        }
        if (article.id != null && input.locale() != null
                && !article.locale.equals(LocaleTags.normalise(input.locale()).orElse(input.locale()))) {
            throw ProblemException.invalidField("locale", "cannot change: a translation keeps its locale ('"
                    + article.locale + "'); POST /api/v1/articles/{idOrSlug}/translations adds one in another locale");
        }
        String previousSlug = article.slug;
        String requested = input.slug() != null ? input.slug() : article.slug;
        article.slug = articles.claimSlug(requested, input.title(), article.locale, article.id);
        if (previousSlug != null && !previousSlug.equals(article.slug)) {
            articles.slugChanged(article, previousSlug);
        }
        article.category = categories.holdReference(input.category(), "category", "category");
        List<Author> credited = resolveAuthors(input.authors());
        if (caller.ownDraftsOnly()) {
            if (credited.stream().noneMatch(a -> a.id.equals(caller.authorId()))) {
                throw forbidden("An author token may write only articles that credit its own author.");
            }
            if (input.status() != null && input.status() != ArticleStatus.draft) {
                throw forbidden("An author token cannot publish, schedule or archive; an editor does that.");
            }
            Instant askedFor = input.publishedAt() == null ? null : input.publishedAt().truncatedTo(ChronoUnit.MICROS);
            if (!Objects.equals(askedFor, article.publishedAt)) {
                throw forbidden("An author token cannot set publishedAt; an editor decides when an article goes out.");
            }
        }
        article.authors.clear();
        article.authors.addAll(credited);
        article.tags.clear();
        article.tags.addAll(ArticleRules.tags(input.tags()));
        article.title = ArticleRules.title(input.title());
        article.subtitle = input.subtitle();
        article.excerpt = input.excerpt();
        article.body = input.body();
        images.render(article);
        images.applyFeature(article, input);
        article.featured = Boolean.TRUE.equals(input.featured());
        ArticleRules.Publication publication = ArticleRules.publication(article.status, article.publishedAt,
                input.status(), input.publishedAt(), now);
        article.status = publication.status();
        article.publishedAt = publication.publishedAt();
        article.touch(now);
    }

    /**
     * Writes what the translations share (category, authors, tags, feature image, featured) to each other translation
     * of the article where it differs: each such translation is written (a revision, a change, an event), as its
     * responses change. Before the article's own change is recorded, so that the change log's lock stays the last.
     * Only when the write changed what they share (from {@code was}): translators editing their own texts at once lock
     * nothing but their own translation, so they never wait on each other (two writes that change the shared fields
     * of two translations at once may deadlock; the database then refuses one, a 409 to retry).
     */
    private void share(Article article, SharedFields was, Caller caller) {
        SharedFields after = SharedFields.of(article);
        if (!locales.multiple() || after.equals(was)) {
            return;
        }
        for (Article sibling : articles.lockGroup(article.group())) {
            if (sibling.id.equals(article.id) || SharedFields.of(sibling).equals(after)) {
                continue;
            }
            if (caller.ownDraftsOnly() && !isOwnDraft(sibling, caller)) {
                throw forbidden("This changes what the article's translations share, and an author token may change "
                        + "only its own drafts: its translation in '" + sibling.locale + "' is not one.");
            }
            ArticleChanges.Before before = ArticleChanges.Before.of(sibling, now());
            sibling.category = article.category;
            sibling.authors.clear();
            sibling.authors.addAll(article.authors);
            sibling.tags.clear();
            sibling.tags.addAll(article.tags);
            sibling.featured = article.featured;
            sibling.featureImageUrl = article.featureImageUrl;
            sibling.featureMediaId = article.featureMediaId;
            sibling.touch(now());
            written(sibling, caller, before);
        }
    }

    private static boolean isOwnDraft(Article article, Caller caller) {
        return article.status == ArticleStatus.draft && article.authors.stream().anyMatch(a -> a.id.equals(caller.authorId()));
    }

    private static ProblemException forbidden(String detail) {
        return new ProblemException(ProblemType.FORBIDDEN, detail);
    }

    private List<Author> resolveAuthors(List<String> references) {
        return ArticleRules.credits(references,
                i -> authors.holdReference(references.get(i), "authors[" + i + "]", "author"), a -> a.slug);
    }
}
