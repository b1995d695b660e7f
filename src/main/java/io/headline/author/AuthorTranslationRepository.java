package io.headline.author;

import io.headline.locale.NameTranslationRepository;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class AuthorTranslationRepository implements NameTranslationRepository<AuthorTranslation> {
}
