package io.headline.author;

import io.headline.common.persistence.NamedRepository;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class AuthorRepository implements NamedRepository<Author> {

    @Override
    public Class<Author> type() {
        return Author.class;
    }
}
