package io.headline.category;

import io.headline.common.error.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/**
 * The rules of the category tree, for every write that makes or changes a category: the API's (CategoryService) and
 * an import's (transfer/ImportWriter), so that a rule changed here changes both (issue #19). They read the database
 * as the caller's transaction sees it.
 */
@ApplicationScoped
public class CategoryRules {

    private final CategoryRepository categories;

    CategoryRules(CategoryRepository categories) {
        this.categories = categories;
    }

    /** Names are unique, whatever their case: a 409 when another category ({@code selfId} excepted) has this one. */
    public void requireNameFree(String name, UUID selfId) {
        if (nameTaken(name, selfId)) {
            throw ProblemException.conflict("A category named '" + name + "' already exists.");
        }
    }

    public boolean nameTaken(String name, UUID selfId) {
        return categories.nameTaken(name, selfId);
    }

    /**
     * Writes that name a parent take turns, under the tree lock taken before the parent is read: no two of them can
     * close a cycle, and no parent is deleted while a child is being filed under it.
     */
    public void takeTurnsOnTheTree() {
        categories.lockTree();
    }

    /**
     * A category may not become its own ancestor: a 409 when {@code parentId} is {@code id} or below it. Only an
     * existing category that gets a new parent can close a cycle (a new one has no descendants).
     */
    public void requireNoCycle(UUID id, String slug, UUID parentId, String parentSlug) {
        if (categories.ancestry(parentId).contains(id)) {
            throw ProblemException.conflict("Category '" + parentSlug + "' cannot be the parent of '" + slug
                    + "': categories may not form a cycle.");
        }
    }
}
