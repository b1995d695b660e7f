package io.headline.category;

import io.headline.common.persistence.NamedRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

@ApplicationScoped
public class CategoryRepository implements NamedRepository<Category> {

    @Override
    public Class<Category> type() {
        return Category.class;
    }

    @Override
    public String fetches() {
        return "left join fetch x.parent";
    }

    public boolean nameTaken(String name, UUID exceptId) {
        return exceptId == null
                ? count("lower(name) = lower(?1)", name) > 0
                : count("lower(name) = lower(?1) and id <> ?2", name, exceptId) > 0;
    }

    /** The ids of a category and all its descendants; a stored cycle cannot make the walk endless. */
    public Set<UUID> subtree(UUID root) {
        Map<UUID, List<UUID>> children = new HashMap<>();
        for (Object[] row : parentLinks()) {
            children.computeIfAbsent((UUID) row[1], k -> new ArrayList<>()).add((UUID) row[0]);
        }
        Set<UUID> ids = new LinkedHashSet<>();
        Deque<UUID> pending = new ArrayDeque<>(List.of(root));
        while (!pending.isEmpty()) {
            UUID id = pending.pop();
            if (ids.add(id)) {
                pending.addAll(children.getOrDefault(id, List.of()));
            }
        }
        return ids;
    }

    /**
     * Locks every category, in id order so that two callers cannot deadlock, until the transaction ends: parent
     * changes take turns, so each one checks for a cycle against the tree as the one before it left it.
     */
    public void lockTree() {
        getEntityManager().createNativeQuery("select id from category order by id for update").getResultList();
    }

    /**
     * The ids of {@code id} and its ancestors, nearest first, as the database has them now (not as entities loaded
     * earlier remember them). Stops at a repeat, so even a stored cycle ends the walk.
     */
    public Set<UUID> ancestry(UUID id) {
        Map<UUID, UUID> parents = new HashMap<>();
        for (Object[] row : parentLinks()) {
            parents.put((UUID) row[0], (UUID) row[1]);
        }
        Set<UUID> ids = new LinkedHashSet<>();
        UUID next = id;
        while (next != null && ids.add(next)) {
            next = parents.get(next);
        }
        return ids;
    }

    /** Every (child id, parent id) pair: one query over the (small) category table. */
    private List<Object[]> parentLinks() {
        return getEntityManager()
                .createQuery("select c.id, c.parent.id from Category c where c.parent is not null", Object[].class)
                .getResultList();
    }

    public long countChildren(UUID id) {
        return count("parent.id", id);
    }
}
