package io.headline.webhook;

import static io.headline.Api.admin;
import static io.headline.Api.articleInput;
import static io.headline.Api.createArticle;
import static io.headline.Api.unique;
import static org.assertj.core.api.Assertions.assertThat;

import io.headline.locale.LocalizationTests;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Webhooks of translated articles (headline.locales=en,de,de-AT:de,fr): one event per translation written. */
@QuarkusTest
@TestProfile(LocalizationTests.FourLocales.class)
class WebhookTranslationTests {

    @Inject
    WebhookDispatcher dispatcher;

    /** An event as received: its type, the id of its resource, and the locale the envelope and the data carry. */
    record Event(String type, String id, String locale, String dataLocale) {
    }

    @Test
    void shouldSendOneEventPerTranslationWrittenEachWithItsLocaleAndResource() throws Exception {
        Map<String, Object> en = createArticle(articleInput("published"));
        dispatcher.runOnce(); // what earlier tests left
        try (Receiver receiver = new Receiver()) {
            String hook = admin().body(Map.of("url", receiver.url(), "events",
                            List.of("article.created", "article.published", "article.updated", "article.deleted")))
                    .when().post("/api/v1/webhooks").then().statusCode(201).extract().path("id");

            // Written as published: its first event is article.published (as for any article created published).
            String de = admin().body(Map.of("locale", "de", "title", unique("Titel"), "status", "published"))
                    .when().post("/api/v1/articles/{id}/translations", en.get("id"))
                    .then().statusCode(201).extract().path("id");
            // A shared field: written to both translations, so an event for each.
            admin().contentType("application/merge-patch+json").body(Map.of("tags", List.of(unique("tag"))))
                    .when().patch("/api/v1/articles/{id}", en.get("id")).then().statusCode(200);
            // A field of one translation: the other is not written.
            admin().contentType("application/merge-patch+json").body(Map.of("subtitle", "Nur auf Deutsch"))
                    .when().patch("/api/v1/articles/{id}", de).then().statusCode(200);
            admin().when().delete("/api/v1/articles/{id}", de).then().statusCode(204);
            dispatcher.runOnce();

            List<Event> events = receiver.requests().stream().map(r -> new JsonPath(r.body()))
                    .map(body -> new Event(body.getString("type"), body.getString("data.id"),
                            body.getString("locale"), body.getString("data.locale")))
                    .filter(e -> e.id().equals(en.get("id")) || e.id().equals(de))
                    .toList();
            assertThat(events).containsExactlyInAnyOrder(
                    new Event("article.published", de, "de", "de"),
                    new Event("article.updated", (String) en.get("id"), "en", "en"),
                    new Event("article.updated", de, "de", "de"),
                    new Event("article.updated", de, "de", "de"),
                    new Event("article.deleted", de, "de", "de"));
            admin().when().delete("/api/v1/webhooks/{id}", hook).then().statusCode(204);
        }
    }
}
