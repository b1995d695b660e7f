package io.headline.category;

import io.headline.common.paging.PageRequest;
import io.headline.common.persistence.SluggedRepository;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class CategoryRepository implements SluggedRepository<Category> {

    public List<Category> page(PageRequest request) {
        return find("from Category c left join fetch c.parent", Sort.by("c.name").and("c.id"))
                .page(request.page() - 1, request.size()).list();
    }

    public boolean nameTaken(String name, UUID exceptId) {
        return exceptId == null
                ? count("lower(name) = lower(?1)", name) > 0
                : count("lower(name) = lower(?1) and id <> ?2", name, exceptId) > 0;
    }

    public long countChildren(UUID id) {
        return count("parent.id", id);
    }
}
