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
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.Optional;

@ApplicationScoped
public class CategoryService {

    private final CategoryRepository categories;
    private final ArticleRepository articles;
    private final MergePatcher patcher;
    private final Clock clock;
    private final ChangeRecorder recorder;
    private final CategoryRules rules;

    public CategoryService(CategoryRepository categories, ArticleRepository articles, MergePatcher patcher, Clock clock,
            ChangeRecorder recorder, CategoryRules rules) {
        this.recorder = recorder;
        this.rules = rules;
        this.categories = categories;
        this.articles = articles;
        this.patcher = patcher;
        this.clock = clock;
    }

    public Slice<CategoryView> list(String sort, PageRequest page) {
        return categories.list(sort, page).map(CategoryMapper::toView);
    }

    public Optional<CategoryView> find(String idOrSlug) {
        return categories.findByIdOrSlug(idOrSlug).map(CategoryMapper::toView);
    }

    /** In a transaction of its own, retried when a concurrent create takes the slug first (see UniqueRetry). */
    public CategoryView create(CategoryInput input) {
        return UniqueRetry.create(() -> {
            Category category = new Category();
            write(category, input);
            categories.persist(category);
            categories.flush();
            changed(category, ChangeKind.created);
            return CategoryMapper.toView(category);
        });
    }

    @Transactional
    public Optional<CategoryView> replace(String idOrSlug, CategoryInput input) {
        return categories.findByIdOrSlug(idOrSlug).map(category -> {
            write(category, input);
            categories.flush();
            changed(category, ChangeKind.updated);
            return CategoryMapper.toView(category);
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
        return Optional.of(CategoryMapper.toView(category));
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

    private void changed(Category category, ChangeKind kind) {
        recorder.record(Change.of(ResourceType.category, category.id, category.slug, kind)
                .withState(kind == ChangeKind.deleted ? null : () -> CategoryMapper.toView(category)));
    }
}
