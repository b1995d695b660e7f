package io.headline.webhook;

import static io.headline.Api.admin;
import static io.headline.Api.anonymous;
import static io.headline.Api.createArticle;
import static io.headline.Api.createToken;
import static io.headline.Api.invalid;
import static io.headline.Api.withToken;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class WebhookResourceTests {

    /** Nothing listens there, and the hooks these tests make are inactive (or soon deleted): nothing is sent. */
    private static final String URL = "http://127.0.0.1:9/hook";

    @Inject
    WebhookDispatcher dispatcher;

    @Test
    void shouldReturnAGeneratedSecretOnceAndListHooksWithoutSecrets() {
        String id = admin().body(Map.of("url", URL, "events", List.of("article.published"), "active", false))
                .when().post("/api/v1/webhooks").then().statusCode(201)
                .header("Location", containsString("/api/v1/webhooks/"))
                .body("secret", matchesPattern("whsec_[A-Za-z0-9+/]{43}="))
                .body("events", contains("article.published"))
                .extract().path("id");

        admin().when().get("/api/v1/webhooks").then().statusCode(200)
                .body("data.id", hasItem(id))
                .body("data", everyItem(not(hasKey("secret"))));
        admin().when().get("/api/v1/webhooks/{id}", id).then().statusCode(200).body("$", not(hasKey("secret")));
    }

    @Test
    void shouldKeepAGivenSecret() {
        admin().body(Map.of("url", URL, "events", List.of("author.deleted"), "active", false,
                        "secret", "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"))
                .when().post("/api/v1/webhooks").then().statusCode(201)
                .body("secret", equalTo("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"));
    }

    @Test
    void shouldRefuseAnUnknownEventNamingTheKnownOnes() {
        admin().body(Map.of("url", URL, "events", List.of("article.exploded")))
                .when().post("/api/v1/webhooks").then().statusCode(422)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("events"))
                .body("errors[0].message", containsString("article.published"));
        admin().body(Map.of("url", URL, "events", List.of("author.published")))
                .when().post("/api/v1/webhooks").then().statusCode(422);
    }

    @Test
    void shouldRefuseAUrlThatIsNotHttp() {
        invalid(admin()).body(Map.of("url", "ftp://127.0.0.1/hook", "events", List.of("article.created")))
                .when().post("/api/v1/webhooks").then().statusCode(422)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("url"));
    }

    @Test
    void shouldPatchReplaceAndDelete() {
        String id = admin().body(Map.of("url", URL, "events", List.of("article.published"), "active", false))
                .when().post("/api/v1/webhooks").then().statusCode(201).extract().path("id");

        admin().contentType("application/merge-patch+json").body(Map.of("events", List.of("category.updated")))
                .when().patch("/api/v1/webhooks/{id}", id).then().statusCode(200)
                .body("events", contains("category.updated"))
                .body("url", equalTo(URL))
                .body("active", equalTo(false));
        admin().body(Map.of("url", URL + "2", "events", List.of("author.created"), "active", false))
                .when().put("/api/v1/webhooks/{id}", id).then().statusCode(200)
                .body("url", equalTo(URL + "2"))
                .body("events", contains("author.created"));
        admin().when().delete("/api/v1/webhooks/{id}", id).then().statusCode(204);
        admin().when().get("/api/v1/webhooks/{id}", id).then().statusCode(404)
                .contentType("application/problem+json");
        admin().when().get("/api/v1/webhooks/{id}/deliveries", id).then().statusCode(404);
    }

    @Test
    void shouldAnswer404ForAnUnknownDelivery() {
        String id = admin().body(Map.of("url", URL, "events", List.of("article.published"), "active", false))
                .when().post("/api/v1/webhooks").then().statusCode(201).extract().path("id");
        admin().when().post("/api/v1/webhooks/{id}/deliveries/{d}/replay", id, "0190a000-0000-7000-8000-000000000000")
                .then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void shouldRefuseToReplayADeliveryOfAnInactiveHook() {
        // Active until it has a delivery (nothing listens, so it stays pending), then switched off
        String id = admin().body(Map.of("url", URL, "events", List.of("article.created")))
                .when().post("/api/v1/webhooks").then().statusCode(201).extract().path("id");
        createArticle("draft");
        dispatcher.runOnce();
        String delivery = admin().when().get("/api/v1/webhooks/{id}/deliveries", id).then().statusCode(200)
                .body("data", hasSize(1)).extract().path("data[0].id");
        admin().contentType("application/merge-patch+json").body(Map.of("active", false))
                .when().patch("/api/v1/webhooks/{id}", id).then().statusCode(200);

        admin().when().post("/api/v1/webhooks/{id}/deliveries/{d}/replay", id, delivery)
                .then().statusCode(409).contentType("application/problem+json")
                .body("detail", containsString("active: true"));

        admin().contentType("application/merge-patch+json").body(Map.of("active", true))
                .when().patch("/api/v1/webhooks/{id}", id).then().statusCode(200);
        admin().when().post("/api/v1/webhooks/{id}/deliveries/{d}/replay", id, delivery)
                .then().statusCode(200).body("state", equalTo("pending"));
        admin().when().delete("/api/v1/webhooks/{id}", id).then().statusCode(204);
    }

    @Test
    void shouldRefuseAnUnknownDeliveryState() {
        String id = admin().body(Map.of("url", URL, "events", List.of("article.published"), "active", false))
                .when().post("/api/v1/webhooks").then().statusCode(201).extract().path("id");
        invalid(admin()).when().get("/api/v1/webhooks/{id}/deliveries?state=lost", id).then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("state"));
    }

    @Test
    void shouldLetOnlyAdminsManageWebhooks() {
        invalid(anonymous()).when().get("/api/v1/webhooks").then().statusCode(401);
        withToken(createToken("editor", null)).when().get("/api/v1/webhooks").then().statusCode(403)
                .contentType("application/problem+json");
    }
}
