package io.headline.category;

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
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

@ApplicationScoped
public class CategoryService {

    private final CategoryRepository categories;
    private final ArticleRepository articles;
    private final MergePatcher patcher;
    private final Clock clock;
    private final ChangeRecorder recorder;
    private final CategoryRules rules;
    private final CategoryTranslationRepository translations;
    private final Locales locales;
    private final NameTranslationWrites<Category, CategoryTranslation> translationWrites;

    public CategoryService(CategoryRepository categories, ArticleRepository articles, MergePatcher patcher, Clock clock,
            ChangeRecorder recorder, CategoryRules rules, CategoryTranslationRepository translations, Locales locales) {
        this.translations = translations;
        this.locales = locales;
        this.translationWrites = new NameTranslationWrites<>(new NameTranslationWrites.Of<>("category", categories,
                translations, CategoryTranslation::new, true), locales, clock,
                category -> changed(category, ChangeKind.updated));
        this.recorder = recorder;
        this.rules = rules;
        this.categories = categories;
        this.articles = articles;
        this.patcher = patcher;
        this.clock = clock;
    }

    /** A page of categories in the default locale's text. */
    public Slice<CategoryView> list(String sort, PageRequest page) {
        return list(sort, page, LocaleChoice.byDefault(locales));
    }

    /** A page of categories, each in its best text along the choice's chain (one query for the page's texts). */
    public Slice<CategoryView> list(String sort, PageRequest page, LocaleChoice choice) {
        Slice<Category> found = categories.list(sort, page);
        Map<UUID, CategoryTranslation> texts = texts(found.items(), choice);
        return found.map(category -> CategoryMapper.toView(category, texts, locales.defaultLocale()));
    }

    /** The category in the default locale's text. */
    public Optional<CategoryView> find(String idOrSlug) {
        return find(idOrSlug, LocaleChoice.byDefault(locales));
    }

    public Optional<CategoryView> find(String idOrSlug, LocaleChoice choice) {
        return categories.findByIdOrSlug(idOrSlug).map(category -> view(category, choice));
    }

    /** Writes the category's name and description in a locale other than the default (a write of the category). */
    public Optional<CategoryView> translate(String idOrSlug, String locale, CategoryTranslationInput input) {
        return translationWrites.put(idOrSlug, locale, input.name(), input.description(), this::view);
    }

    /** Deletes the category's text in a locale; false when there is no category, a 404 when it has no such text. */
    @Transactional
    public boolean untranslate(String idOrSlug, String locale) {
        return translationWrites.remove(idOrSlug, locale);
    }

    /** The category's texts in locales other than the default, in the order of the locales. */
    public Optional<List<CategoryTranslationView>> translations(String idOrSlug) {
        return translationWrites.list(idOrSlug)
                .map(found -> found.stream().map(CategoryMapper::toTranslationView).toList());
    }

    /** In a transaction of its own, retried when a concurrent create takes the slug first (see UniqueRetry). */
    public CategoryView create(CategoryInput input) {
        return UniqueRetry.create(() -> {
            Category category = new Category();
            write(category, input);
            categories.persist(category);
            categories.flush();
            changed(category, ChangeKind.created);
            return written(category);
        });
    }

    @Transactional
    public Optional<CategoryView> replace(String idOrSlug, CategoryInput input) {
        return categories.findByIdOrSlug(idOrSlug).map(category -> {
            write(category, input);
            categories.flush();
            changed(category, ChangeKind.updated);
            return written(category);
        });
    }

    @Transactional
    public Optional<CategoryView> patch(String idOrSlug, JsonNode patch) throws JsonProcessingException {
        Optional<Category> found = categories.findByIdOrSlug(idOrSlug);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Category category = found.get();
        write(category, patcher.patch(CategoryMapper.toInput(category), patch));
        categories.flush();
        changed(category, ChangeKind.updated);
        return Optional.of(written(category));
    }

    @Transactional
    public boolean delete(String idOrSlug) {
        Optional<Category> found = categories.findByIdOrSlug(idOrSlug);
        found.ifPresent(category -> {
            categories.lockForDelete(category);
            long used = articles.countByCategory(category.id);
            if (used > 0) {
                throw ProblemException.conflict("Category '" + category.slug + "' holds " + used
                        + " article(s); move or delete them first.");
            }
            long children = categories.countChildren(category.id);
            if (children > 0) {
                throw ProblemException.conflict("Category '" + category.slug + "' has " + children
                        + " subcategories; move or delete them first.");
            }
            categories.delete(category);
            // An article written meanwhile that uses it fails the delete here, as a 409, rather than at commit.
            categories.flush();
            changed(category, ChangeKind.deleted);
        });
        return found.isPresent();
    }

    private void write(Category category, CategoryInput input) {
        String name = input.name().strip();
        rules.requireNameFree(name, category.id);
        if (input.parent() != null) {
            rules.takeTurnsOnTheTree();
        }
        Category parent = input.parent() == null ? null : categories.resolveReference(input.parent(), "parent", "category");
        if (parent != null && category.id != null && (category.parent == null || !category.parent.id.equals(parent.id))) {
            rules.requireNoCycle(category.id, category.slug, parent.id, parent.slug);
        }
        String requested = input.slug() != null ? input.slug() : category.slug;
        category.slug = categories.claimSlug(requested, name, "category", category.id);
        category.name = name;
        category.description = input.description();
        category.parent = parent;
        category.touch(clock.instant());
    }

    private CategoryView view(Category category, LocaleChoice choice) {
        return CategoryMapper.toView(category, texts(List.of(category), choice), locales.defaultLocale());
    }

    /** A category in its own text, the default locale's: as a write of that text leaves it, as changes keep it. */
    private CategoryView written(Category category) {
        return CategoryMapper.toView(category, Map.of(), locales.defaultLocale());
    }

    /** The best texts of the categories and their parents along the chain. */
    private Map<UUID, CategoryTranslation> texts(List<Category> shown, LocaleChoice choice) {
        Set<UUID> ids = new HashSet<>();
        for (Category category : shown) {
            ids.add(category.id);
            if (category.parent != null) {
                ids.add(category.parent.id);
            }
        }
        return translations.best(ids, choice, locales.defaultLocale());
    }

    private void changed(Category category, ChangeKind kind) {
        recorder.record(Change.of(ResourceType.category, category.id, category.slug, kind)
                .withState(kind == ChangeKind.deleted ? null : () -> written(category)));
    }
}
