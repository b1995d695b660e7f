package io.headline.transfer;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.headline.article.ArticleInput;
import io.headline.article.ArticleRules;
import io.headline.author.AuthorInput;
import io.headline.category.CategoryInput;
import io.headline.common.error.ProblemException;
import io.headline.common.error.ProblemMappers;
import io.headline.common.json.RefusedValueException;
import io.headline.common.persistence.Slugs;
import io.headline.common.validation.StorableText;
import io.headline.locale.LocaleTags;
import io.headline.locale.Locales;
import io.headline.rendering.MarkdownRenderer;
import io.headline.rendering.Rendered;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.io.IOException;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Reads one NDJSON line into what is to be written, by the API's own rules: the input models (ArticleInput,
 * AuthorInput, CategoryInput) with their validation, read by the API's strict JSON mapper (StrictJson), and the body
 * rendered by the API's renderer. On top of them, a line names its slug (the key it is upserted by within its locale,
 * unless an article gives an externalId) and refers to categories and authors by slug; an article's line may name its
 * locale (one of the server's; the default when it names none) and the translation group it belongs to.
 */
@ApplicationScoped
class LineParser {

    static final int MAX_EXTERNAL_ID = 200;
    /** The NDJSON member that names an article's translation group. */
    static final String GROUP = "translationGroup";
    private static final Pattern SLUG = Pattern.compile(Slugs.PATTERN);

    private final ObjectMapper mapper;
    private final Validator validator;
    private final Locales locales;

    LineParser(ObjectMapper mapper, Validator validator, Locales locales) {
        this.mapper = mapper;
        this.validator = validator;
        this.locales = locales;
    }

    ImportRow parse(int line, byte[] json, int length) throws LineFailure {
        JsonNode node;
        try {
            node = mapper.readTree(json, 0, length);
        } catch (IOException e) {
            throw new LineFailure(reason(e));
        }
        if (!(node instanceof ObjectNode object)) {
            throw new LineFailure("must be a JSON object");
        }
        JsonNode type = object.remove("type");
        if (type == null || !type.isTextual()) {
            throw new LineFailure("type: is required, one of category, author, article");
        }
        try {
            return switch (type.asText()) {
                case "category" -> category(line, read(object, CategoryInput.class), false);
                case "author" -> author(line, read(object, AuthorInput.class), false);
                case "article" -> article(line, key("externalId", object), key(GROUP, object), read(object, ArticleInput.class));
                default -> throw new LineFailure("type: must be one of category, author, article");
            };
        } catch (ProblemException e) {
            throw new LineFailure(reason(e));
        }
    }

    /**
     * An entry another format read (a WordPress export, a Markdown file), validated and made a row by the same rules
     * as a line: a CategoryInput, AuthorInput or ArticleInput (with its externalId, or null).
     */
    ImportRow entry(int line, Object input, String externalId, boolean createOnly) throws LineFailure {
        validate(input);
        try {
            if (input instanceof CategoryInput in) {
                return category(line, in, createOnly);
            }
            if (input instanceof AuthorInput in) {
                return author(line, in, createOnly);
            }
            if (input instanceof ArticleInput in) {
                return article(line, key("externalId", externalId), null, in);
            }
            throw new IllegalArgumentException("not an import input: " + input.getClass());
        } catch (ProblemException e) {
            throw new LineFailure(reason(e));
        }
    }

    /** An article another format read, in the translation group its {@code group} key names (or null: none). */
    ImportRow article(int line, ArticleInput input, String externalId, String group) throws LineFailure {
        validate(input);
        try {
            return article(line, key("externalId", externalId), key(GROUP, group), input);
        } catch (ProblemException e) {
            throw new LineFailure(reason(e));
        }
    }

    String defaultLocale() {
        return locales.defaultLocale();
    }

    /**
     * The configured locale a tag (of the {@code field} named in a failure) names, in any case: the default when there
     * is none.
     *
     * @throws LineFailure naming the server's locales, when the tag is malformed or names none of them
     */
    String locale(String field, String tag) throws LineFailure {
        if (tag == null) {
            return locales.defaultLocale();
        }
        String normal = LocaleTags.normalise(tag).orElse(null);
        if (normal == null || !locales.configured(normal)) {
            String quoted = tag.length() > LocaleTags.MAX_LENGTH ? "a tag of " + tag.length() + " characters"
                    : "'" + tag + "'";
            throw new LineFailure(field + ": " + quoted + (normal == null ? " is not a BCP 47 language tag" : " is not "
                    + "one of the server's locales") + "; they are " + String.join(", ", locales.all())
                    + " (headline.locales)");
        }
        return normal;
    }

    private <T> T read(ObjectNode object, Class<T> type) throws LineFailure {
        T input;
        try {
            input = mapper.treeToValue(object, type);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new LineFailure(e instanceof JsonProcessingException json ? reason(json) : "has the wrong shape");
        }
        return validate(input);
    }

    private <T> T validate(T input) throws LineFailure {
        Set<ConstraintViolation<T>> violations = validator.validate(input);
        if (!violations.isEmpty()) {
            throw new LineFailure(violations.stream()
                    .map(v -> ProblemMappers.fieldOf(v) + ": " + v.getMessage())
                    .sorted(Comparator.naturalOrder())
                    .collect(Collectors.joining("; ")));
        }
        return input;
    }

    private static ImportRow category(int line, CategoryInput in, boolean createOnly) throws LineFailure {
        String slug = slug(in.slug());
        String parent = in.parent() == null ? null : reference("parent", in.parent());
        if (slug.equals(parent)) {
            throw new LineFailure("parent: a category cannot be its own parent");
        }
        return new ImportRow.CategoryRow(line, slug, in.name().strip(), in.description(), parent,
                createOnly);
    }

    private static ImportRow author(int line, AuthorInput in, boolean createOnly) throws LineFailure {
        return new ImportRow.AuthorRow(line, slug(in.slug()), in.name().strip(), in.bio(), in.avatarUrl(),
                in.websiteUrl(), in.email(), createOnly);
    }

    private ImportRow article(int line, String externalId, String group, ArticleInput in) throws LineFailure {
        String locale = locale("locale", in.locale());
        String slug = slug(in.slug());
        List<String> authors = ArticleRules.credits(in.authors(), i -> in.authors().get(i), author -> author);
        for (int i = 0; i < authors.size(); i++) {
            reference("authors[" + i + "]", authors.get(i));
        }
        Rendered rendered = MarkdownRenderer.render(in.body());
        return new ImportRow.ArticleRow(line, slug, externalId, ArticleRules.title(in.title()), in.subtitle(),
                in.excerpt(), in.body(), rendered, in.status(), Boolean.TRUE.equals(in.featured()), in.publishedAt(),
                reference("category", in.category()), authors, ArticleRules.tags(in.tags()), in.featureImageUrl(),
                in.featureImage(), false, locale, group);
    }

    /** The key an import upserts by: the API generates a slug when none is given, an import needs it stated. */
    private static String slug(String slug) throws LineFailure {
        if (slug == null) {
            throw new LineFailure("slug: is required in an import (it is the key the line is imported by)");
        }
        if (Slugs.looksLikeId(slug)) {
            throw new LineFailure("slug: must not have the shape of an id");
        }
        return slug;
    }

    /** A category or author named by slug; one that does not exist yet is created, so it must be a valid slug. */
    private static String reference(String field, String slug) throws LineFailure {
        if (!SLUG.matcher(slug).matches() || slug.length() > Slugs.MAX_LENGTH || Slugs.looksLikeId(slug)) {
            throw new LineFailure(field + ": must be the slug of a category or author (lower-case letters and digits "
                    + "in hyphen-separated words, at most " + Slugs.MAX_LENGTH + " characters)");
        }
        return slug;
    }

    /** An externalId or a translation group's key: text, not blank, at most {@value #MAX_EXTERNAL_ID} characters. */
    private static String key(String field, ObjectNode object) throws LineFailure {
        JsonNode node = object.remove(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isTextual()) {
            throw new LineFailure(field + ": must be a non-blank string of at most " + MAX_EXTERNAL_ID + " characters");
        }
        return key(field, node.asText());
    }

    private static String key(String field, String key) throws LineFailure {
        if (key == null) {
            return null;
        }
        if (key.isBlank() || key.length() > MAX_EXTERNAL_ID) {
            throw new LineFailure(field + ": must be a non-blank string of at most " + MAX_EXTERNAL_ID + " characters");
        }
        if (!StorableText.isStorable(key)) {
            throw new LineFailure(field + ": " + StorableText.RULE);
        }
        return key;
    }

    /** A rule's refusal as an import reports it: each field and what is wrong with it, or the problem's detail. */
    static String reason(ProblemException e) {
        return e.errors().isEmpty() ? e.getMessage() : e.errors().stream()
                .map(error -> error.field() + ": " + error.message()).collect(Collectors.joining("; "));
    }

    /** The same words the API's problem details use for the same mistakes. */
    private static String reason(IOException e) {
        if (e instanceof RefusedValueException refused) {
            return field(refused) + refused.reason();
        }
        if (e instanceof UnrecognizedPropertyException unknown) {
            return field(unknown) + "unknown property; allowed: " + unknown.getKnownPropertyIds();
        }
        if (e instanceof JsonMappingException mapping && !(e instanceof JsonParseException)
                && (mapping.getOriginalMessage() == null || !mapping.getOriginalMessage().startsWith("Trailing token"))) {
            return field(mapping) + "has the wrong type or format";
        }
        String what = e instanceof JsonProcessingException json
                ? ProblemMappers.withoutLibraryAdvice(json.getOriginalMessage()) : "unreadable";
        if (e instanceof JsonMappingException mapping && mapping.getOriginalMessage() != null
                && mapping.getOriginalMessage().startsWith("Trailing token")) {
            what = "more content follows the JSON value";
        }
        JsonLocation at = e instanceof JsonProcessingException json ? json.getLocation() : null;
        return "not well-formed JSON" + (at == null || at.getColumnNr() < 1 ? "" : " at column " + at.getColumnNr())
                + ": " + what;
    }

    private static String field(JsonMappingException e) {
        String path = ProblemMappers.pathOf(e);
        return (path.isEmpty() ? "$" : path) + ": ";
    }
}
