package io.headline.category;

import io.headline.locale.NameTranslationRepository;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class CategoryTranslationRepository implements NameTranslationRepository<CategoryTranslation> {
}
