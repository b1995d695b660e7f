package io.headline.webhook;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.headline.article.ArticleService;
import io.headline.author.AuthorService;
import io.headline.category.CategoryService;
import io.headline.change.ChangeKind;
import io.headline.change.ChangeLog;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/**
 * The body of an event: {@code {"type", "timestamp", "locale", "data"}}, data being the resource as the API returns it
 * and locale, on an article's event, the locale of the translation that changed.
 */
@ApplicationScoped
class WebhookPayloads {

    private final ArticleService articles;
    private final AuthorService authors;
    private final CategoryService categories;
    private final ObjectMapper mapper;

    WebhookPayloads(ArticleService articles, AuthorService authors, CategoryService categories, ObjectMapper mapper) {
        this.articles = articles;
        this.authors = authors;
        this.categories = categories;
        this.mapper = mapper;
    }

    /**
     * The resource's state now, as an admin reads it (authors without emails), the same view its writes keep in the
     * change log; or its tombstone once it is gone. For the changes that kept no state (bulk imports, scheduled
     * appearances), read when they are fanned out.
     */
    ObjectNode state(ChangeLog.Entry change) {
        String id = change.id().toString();
        Optional<?> view = change.kind() == ChangeKind.deleted ? Optional.empty() : switch (change.type()) {
            case article -> articles.find(id, true, ArticleService.PREVIEWED);
            case author -> authors.find(id, false);
            case category -> categories.find(id);
        };
        return view.<ObjectNode>map(mapper::valueToTree).orElseGet(() -> tombstone(change));
    }

    /** What a deletion carries: the id, the last slug and, of an article's translation, its locale. */
    ObjectNode tombstone(ChangeLog.Entry change) {
        ObjectNode tombstone = JsonNodeFactory.instance.objectNode();
        tombstone.put("id", change.id().toString());
        tombstone.put("slug", change.slug());
        if (change.locale() != null) {
            tombstone.put("locale", change.locale());
        }
        return tombstone;
    }

    /**
     * The body sent: {@code previous}, when known, is the state the resource's previous change left (on every event
     * but a creation; a deletion's tells what was deleted).
     */
    String body(ChangeLog.Entry change, ObjectNode state, ObjectNode previous) {
        ObjectNode data = state.deepCopy();
        if (previous != null) {
            data.set("previous", previous);
        }
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.put("type", change.event());
        body.put("timestamp", change.occurredAt().toString());
        if (change.locale() != null) {
            body.put("locale", change.locale());
        }
        body.set("data", data);
        try {
            return mapper.writeValueAsString(body);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("A tree always serializes", e);
        }
    }

    ObjectNode parse(String json) {
        try {
            return (ObjectNode) mapper.readTree(json);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("A stored state is JSON", e);
        }
    }
}
