package io.headline.author;

import io.headline.common.paging.PageRequest;
import io.headline.common.persistence.SluggedRepository;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

@ApplicationScoped
public class AuthorRepository implements SluggedRepository<Author> {

    public List<Author> page(PageRequest request) {
        return findAll(Sort.by("name").and("id")).page(request.page() - 1, request.size()).list();
    }
}
