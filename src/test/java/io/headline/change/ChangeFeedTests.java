package io.headline.change;

import static io.headline.Api.admin;
import static io.headline.Api.anonymous;
import static io.headline.Api.articleInput;
import static io.headline.Api.createArticle;
import static io.headline.Api.createCategory;
import static io.headline.Api.invalid;
import static io.headline.Api.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;

import io.agroal.api.AgroalDataSource;
import io.headline.Api;
import io.headline.TestClock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** GET /api/v1/changes: every change in commit order, everything for editors, what is public for the public. */
@QuarkusTest
class ChangeFeedTests {

    @Inject
    TestClock clock;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    ChangeLog log;

    @Test
    void shouldListEveryKindOfArticleChangeInOrder() {
        String start = Feed.end(Api::admin);
        Object id = createArticle("draft").get("id");
        admin().contentType("application/merge-patch+json").body(Map.of("subtitle", "Edited"))
                .when().patch("/api/v1/articles/{id}", id).then().statusCode(200);
        admin().when().post("/api/v1/articles/{id}/publish", id).then().statusCode(200);
        admin().when().post("/api/v1/articles/{id}/unpublish", id).then().statusCode(200);
        admin().body(Map.of("publishedAt", Instant.now().plus(Duration.ofDays(3)).toString()))
                .when().post("/api/v1/articles/{id}/schedule", id).then().statusCode(200);
        admin().when().post("/api/v1/articles/{id}/revisions/1/restore", id).then().statusCode(200);
        admin().when().delete("/api/v1/articles/{id}", id).then().statusCode(204);

        Feed.Read read = Feed.after(start, Api::admin);

        assertThat(read.kindsOf(id)).containsExactly("created", "updated", "published", "unpublished", "scheduled",
                "updated", "deleted");
        assertThat(read.of(id)).extracting(c -> c.get("event")).startsWith("article.created", "article.updated",
                "article.published");
        List<Map<String, Object>> changes = read.changes();
        for (int i = 1; i < changes.size(); i++) {
            assertThat(ChangeCursor.parse((String) changes.get(i).get("cursor")).seq())
                    .isGreaterThan(ChangeCursor.parse((String) changes.get(i - 1).get("cursor")).seq());
        }
    }

    @Test
    void shouldKeepATombstoneWithIdAndSlugOfADeletedArticle() {
        Map<String, Object> article = createArticle("published");
        String start = Feed.end(Api::admin);

        admin().when().delete("/api/v1/articles/{id}", article.get("id")).then().statusCode(204);

        for (Feed.Read read : List.of(Feed.after(start, Api::admin), Feed.after(start, Api::anonymous))) {
            Map<String, Object> tombstone = read.of(article.get("id")).get(0);
            assertThat(tombstone).containsEntry("kind", "deleted").containsEntry("event", "article.deleted")
                    .containsEntry("slug", article.get("slug")).containsEntry("resourceType", "article")
                    .doesNotContainKey("href");
        }
    }

    @Test
    void shouldShowThePublicOnlyWhatIsPublic() {
        String start = Feed.end(Api::anonymous);
        Object id = createArticle("draft").get("id");
        admin().contentType("application/merge-patch+json").body(Map.of("subtitle", "Draft edit"))
                .when().patch("/api/v1/articles/{id}", id).then().statusCode(200);
        admin().when().post("/api/v1/articles/{id}/publish", id).then().statusCode(200);
        admin().contentType("application/merge-patch+json").body(Map.of("subtitle", "Public edit"))
                .when().patch("/api/v1/articles/{id}", id).then().statusCode(200);
        admin().when().post("/api/v1/articles/{id}/unpublish", id).then().statusCode(200);
        admin().contentType("application/merge-patch+json").body(Map.of("subtitle", "Hidden edit"))
                .when().patch("/api/v1/articles/{id}", id).then().statusCode(200);
        Object hidden = createArticle("draft").get("id");

        Feed.Read read = Feed.after(start, Api::anonymous);

        assertThat(read.kindsOf(id)).containsExactly("published", "updated", "deleted");
        assertThat(read.of(hidden)).isEmpty();
        assertThat(read.of(id).get(0).get("href")).isEqualTo("/api/v1/articles/" + id);
    }

    @Test
    void shouldTellThePublicTheSlugItSawWhenAWriteHidesAndRenamesAnArticle() {
        Map<String, Object> article = createArticle("published");
        String publicStart = Feed.end(Api::anonymous);
        String adminStart = Feed.end(Api::admin);
        String hidden = unique("not-yet-announced");

        admin().contentType("application/merge-patch+json").body(Map.of("status", "draft", "slug", hidden))
                .when().patch("/api/v1/articles/{id}", article.get("id")).then().statusCode(200);

        List<Map<String, Object>> seen = Feed.after(publicStart, Api::anonymous).of(article.get("id"));
        assertThat(seen).extracting(c -> c.get("kind"), c -> c.get("slug"))
                .containsExactly(tuple("deleted", article.get("slug")));
        assertThat(anonymous().queryParam("since", publicStart).when().get("/api/v1/changes").asString())
                .doesNotContain(hidden);
        // Editors see the change as it was made
        assertThat(Feed.after(adminStart, Api::admin).of(article.get("id"))).extracting(c -> c.get("slug"))
                .containsExactly(hidden);
    }

    @Test
    void shouldShowAScheduledArticleToThePublicWhenItsTimeComes() throws SQLException {
        Instant at = clock.instant().plus(Duration.ofHours(1)).truncatedTo(ChronoUnit.SECONDS);
        String publicStart = Feed.end(Api::anonymous);
        String adminStart = Feed.end(Api::admin);
        Object id = createArticle("draft").get("id");
        admin().body(Map.of("publishedAt", at.toString())).when().post("/api/v1/articles/{id}/schedule", id)
                .then().statusCode(200);
        Feed.Read before = Feed.after(publicStart, Api::anonymous);
        assertThat(before.of(id)).isEmpty();

        try {
            clock.advance(Duration.ofHours(2));
            Feed.Read after = Feed.after(before.cursor(), Api::anonymous);
            Feed.Read all = Feed.after(adminStart, Api::admin);

            assertThat(after.of(id)).singleElement().satisfies(c -> {
                assertThat(c).containsEntry("kind", "published").containsEntry("event", "article.published");
                assertThat(Instant.parse((String) c.get("occurredAt"))).isEqualTo(at);
                assertThat(Instant.parse((String) c.get("publishedAt"))).isEqualTo(at);
            });
            assertThat(all.kindsOf(id)).containsExactly("created", "scheduled", "published");
            anonymous().when().get((String) after.of(id).get(0).get("href")).then().statusCode(200);
            // Logged once, however many read it; and no longer pending, so the look for due ones skips it.
            assertThat(Feed.after(adminStart, Api::admin).kindsOf(id)).containsExactly("created", "scheduled",
                    "published");
            assertThat(pendingAppearances(id)).isZero();
        } finally {
            clock.reset();
        }
    }

    private long pendingAppearances(Object id) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement s = connection.prepareStatement(
                        "select count(*) from change_log where resource_id = ? and appears_at is not null")) {
            s.setObject(1, UUID.fromString((String) id));
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    @Test
    void shouldLogTheAppearanceOfAScheduledArticleBeforeItsNextChange() {
        Instant at = clock.instant().plus(Duration.ofHours(1));
        Object id = createArticle("draft").get("id");
        admin().body(Map.of("publishedAt", at.toString())).when().post("/api/v1/articles/{id}/schedule", id)
                .then().statusCode(200);
        String start = Feed.end(Api::anonymous);

        try {
            clock.advance(Duration.ofHours(2));
            // No read of the feed in between: the write logs the appearance first.
            admin().contentType("application/merge-patch+json").body(Map.of("subtitle", "Edited once out"))
                    .when().patch("/api/v1/articles/{id}", id).then().statusCode(200);

            assertThat(Feed.after(start, Api::anonymous).kindsOf(id)).containsExactly("published", "updated");
        } finally {
            clock.reset();
        }
    }

    @Test
    void shouldDropAScheduleThatWasWithdrawnBeforeItsTime() {
        Object id = createArticle("draft").get("id");
        admin().body(Map.of("publishedAt", clock.instant().plus(Duration.ofHours(1)).toString()))
                .when().post("/api/v1/articles/{id}/schedule", id).then().statusCode(200);
        admin().when().post("/api/v1/articles/{id}/unpublish", id).then().statusCode(200);
        String start = Feed.end(Api::admin);

        try {
            clock.advance(Duration.ofHours(2));
            assertThat(Feed.after(start, Api::admin).of(id)).isEmpty();
        } finally {
            clock.reset();
        }
    }

    @Test
    void shouldListAuthorAndCategoryChangesForEveryone() {
        String start = Feed.end(Api::anonymous);
        Map<String, Object> category = createCategory();
        String renamed = unique("renamed");
        admin().contentType("application/merge-patch+json").body(Map.of("name", renamed, "slug", renamed))
                .when().patch("/api/v1/categories/{id}", category.get("id")).then().statusCode(200);
        admin().when().delete("/api/v1/categories/{id}", category.get("id")).then().statusCode(204);
        Map<String, Object> author = Api.createAuthor();
        admin().when().delete("/api/v1/authors/{id}", author.get("id")).then().statusCode(204);

        Feed.Read read = Feed.after(start, Api::anonymous);

        assertThat(read.of(category.get("id"))).extracting(c -> c.get("event"), c -> c.get("slug")).containsExactly(
                tuple("category.created", category.get("slug")),
                tuple("category.updated", renamed),
                tuple("category.deleted", renamed));
        assertThat(read.kindsOf(author.get("id"))).containsExactly("created", "deleted");
    }

    @Test
    void shouldLogEveryRowABulkImportWrites() {
        String start = Feed.end(Api::admin);
        String category = unique("imported-category");
        String author = unique("imported-author");
        String article = unique("imported-article");
        String ndjson = String.join("\n",
                "{\"type\":\"category\",\"slug\":\"" + category + "\",\"name\":\"" + category + "\"}",
                "{\"type\":\"author\",\"slug\":\"" + author + "\",\"name\":\"Imported\"}",
                "{\"type\":\"article\",\"slug\":\"" + article + "\",\"title\":\"Imported\",\"status\":\"published\","
                        + "\"category\":\"" + category + "\",\"authors\":[\"" + author + "\"]}") + "\n";
        admin().contentType("application/x-ndjson").body(ndjson.getBytes(StandardCharsets.UTF_8)).when().post("/api/v1/import").then().statusCode(200);
        String id = anonymous().when().get("/api/v1/articles/{slug}", article).then().statusCode(200)
                .extract().path("id");

        Feed.Read read = Feed.after(start, Api::admin);

        assertThat(read.changes()).extracting(c -> c.get("event") + " " + c.get("slug")).contains(
                "category.created " + category, "author.created " + author, "article.published " + article);
        assertThat(read.kindsOf(id)).containsExactly("published");
    }

    @Test
    void shouldBoundThePageAndSayThatMoreFollows() {
        createCategory();
        createCategory();
        String start = Feed.end(Api::anonymous);
        createCategory();
        createCategory();
        createCategory();

        anonymous().queryParam("since", start).queryParam("limit", 2).when().get("/api/v1/changes")
                .then().statusCode(200).header("Cache-Control", "private, no-store")
                .body("changes", hasSize(2)).body("hasMore", equalTo(true)).body("nextCursor", notNullValue());
        invalid(anonymous()).queryParam("limit", 1001).when().get("/api/v1/changes")
                .then().statusCode(400).contentType("application/problem+json");
        invalid(anonymous()).queryParam("limit", 0).when().get("/api/v1/changes")
                .then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void shouldMoveThePublicCursorPastChangesThePublicDoesNotSee() {
        String start = Feed.end(Api::anonymous);
        Object hidden = createArticle("draft").get("id");

        // The draft's category and author are public; the draft, created last, is not.
        JsonPath page = anonymous().queryParam("since", start).when().get("/api/v1/changes").then().statusCode(200)
                .body("hasMore", equalTo(false)).extract().jsonPath();
        String after = page.getString("nextCursor");

        assertThat(page.getList("changes.id")).doesNotContain(hidden);
        assertThat(after).isNotEqualTo(page.getString("changes[-1].cursor"));
        assertThat(Feed.after(start, Api::admin).of(hidden)).extracting(c -> c.get("kind")).containsExactly("created");
        assertThat(Feed.after(after, Api::admin).of(hidden)).isEmpty();
    }

    @Test
    void shouldGiveThePublicACursorThatTellsNothingOfTheHiddenChangeItStandsAt() {
        String start = Feed.end(Api::anonymous);
        UUID hidden = UUID.fromString((String) createArticle("draft").get("id"));
        Map<String, Object> change = Feed.after(start, Api::admin).of(hidden.toString()).get(0);

        ChangeCursor.Position next = ChangeCursor.parse(anonymous().queryParam("since", start)
                .when().get("/api/v1/changes").then().statusCode(200).extract().path("nextCursor"));

        // Anyone who knows an id can compute what a mark made of it and an instant would be: it must not be that.
        assertThat(next.seq()).isEqualTo(ChangeCursor.parse((String) change.get("cursor")).seq());
        assertThat(next.mark()).isNotEqualTo(unkeyedMark(hidden, Instant.parse((String) change.get("occurredAt"))));
    }

    @Test
    void shouldMarkChangesAlikeOnEveryInstanceSharingTheDatabase() {
        createCategory();
        ChangeCursor.Position end = ChangeCursor.parse(Feed.end(Api::admin));
        ChangeLog.Entry last = log.at(end.seq()).orElseThrow();

        // Another instance (or this one restarted) has only the database in common with this one
        assertThat(new ChangeMarks(dataSource).of(last)).isEqualTo(end.mark());
    }

    @Test
    void shouldStillTakeCursorsIssuedBeforeMarksWereKeyed() {
        String start = Feed.end(Api::admin);
        Map<String, Object> category = createCategory();
        Map<String, Object> change = Feed.after(start, Api::admin).of(category.get("id")).get(0);
        long seq = ChangeCursor.parse((String) change.get("cursor")).seq();
        String mark = unkeyedMark(UUID.fromString((String) category.get("id")),
                Instant.parse((String) change.get("occurredAt")));

        for (RequestSpecification caller : List.of(admin(), anonymous())) {
            caller.queryParam("since", cursor("c2:" + seq + ":" + mark)).when().get("/api/v1/changes")
                    .then().statusCode(200);
        }
        // ... and still tell one into a log restored since
        admin().queryParam("since", cursor("c2:" + seq + ":" + mark + "0")).when().get("/api/v1/changes")
                .then().statusCode(400).body("detail", containsString("does not have"));
    }

    @Test
    void shouldKeepTheCursorWhenNothingIsNew() {
        String end = Feed.end(Api::anonymous);

        anonymous().queryParam("since", end).when().get("/api/v1/changes").then().statusCode(200)
                .body("changes", hasSize(0)).body("hasMore", equalTo(false)).body("nextCursor", equalTo(end));
    }

    @Test
    void shouldAnswerAnEmptyPageAfterTheLastChange() {
        String start = Feed.end(Api::admin);
        createCategory();
        List<Map<String, Object>> changes = Feed.after(start, Api::admin).changes();
        String last = (String) changes.get(changes.size() - 1).get("cursor");

        admin().queryParam("since", last).when().get("/api/v1/changes").then().statusCode(200)
                .body("changes", hasSize(0)).body("hasMore", equalTo(false)).body("nextCursor", equalTo(last));
    }

    @Test
    void shouldRefuseACursorBeyondTheEndOfTheLog() {
        // What a mirror holds after the database was restored to an earlier state: a cursor the log has not reached.
        String beyond = ChangeCursor.of(ChangeCursor.parse(Feed.end(Api::admin)).seq() + 1, "0");

        for (RequestSpecification caller : List.of(admin(), anonymous())) {
            caller.queryParam("since", beyond).when().get("/api/v1/changes")
                    .then().statusCode(400).contentType("application/problem+json")
                    .body("errors[0].field", equalTo("since")).body("detail", containsString("without since"));
        }
    }

    @Test
    void shouldRefuseACursorAtAChangeThisLogDoesNotHave() {
        createArticle("published");
        ChangeCursor.Position end = ChangeCursor.parse(Feed.end(Api::admin));
        // What a mirror holds after the database was restored and written to since: the number, another change
        String restored = ChangeCursor.of(end.seq(), Long.toHexString(~Long.parseUnsignedLong(end.mark(), 16)));

        admin().queryParam("since", restored).when().get("/api/v1/changes")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("since")).body("detail", containsString("does not have"));
        // A cursor issued before marks is still taken at its word
        admin().queryParam("since", ChangeCursor.unmarked(end.seq())).when().get("/api/v1/changes")
                .then().statusCode(200).body("changes", hasSize(0));
    }

    @Test
    void shouldRefuseACursorItDidNotIssue() {
        for (String cursor : List.of("nonsense", "YzE6LTE", "YzE6YWJj", "MTIz")) {
            anonymous().queryParam("since", cursor).when().get("/api/v1/changes")
                    .then().statusCode(400).contentType("application/problem+json")
                    .body("errors[0].field", equalTo("since"));
        }
    }

    /** The mark cursors carried before marks were keyed (c2): anyone could make it from an id and an instant. */
    private static String unkeyedMark(UUID id, Instant occurredAt) {
        long micros = ChronoUnit.MICROS.between(Instant.EPOCH, occurredAt);
        return Long.toHexString(id.getMostSignificantBits() ^ Long.rotateLeft(id.getLeastSignificantBits(), 17)
                ^ micros * 0x9E3779B97F4A7C15L);
    }

    private static String cursor(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.US_ASCII));
    }
}
