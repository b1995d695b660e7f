package io.headline.category;

import static io.headline.Api.admin;
import static io.headline.Api.createCategory;
import static io.headline.Api.unique;
import static org.assertj.core.api.Assertions.assertThat;

import io.headline.Concurrently;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** The category tree stays a tree under concurrent writes, and no walk of it can run forever. */
@QuarkusTest
class CategoryTreeTests {

    private static final String MERGE_PATCH = "application/merge-patch+json";
    private static final int PAIRS = 10;

    @Inject
    DataSource dataSource;

    private static int setParent(Object category, Object parent) {
        return admin().contentType(MERGE_PATCH).body(Map.of("parent", parent))
                .when().patch("/api/v1/categories/{id}", category).then().extract().statusCode();
    }

    @Test
    void shouldLetOnlyOneOfTwoRacingParentChangesThatWouldFormACycleSucceed() throws Exception {
        List<Callable<Integer>> calls = new ArrayList<>();
        for (int i = 0; i < PAIRS; i++) {
            Object a = createCategory().get("id");
            Object b = createCategory().get("id");
            calls.add(() -> setParent(a, b));
            calls.add(() -> setParent(b, a));
        }

        List<Integer> statuses = Concurrently.run(calls);

        for (int i = 0; i < PAIRS; i++) {
            assertThat(statuses.subList(2 * i, 2 * i + 2)).as("pair %d", i).containsExactlyInAnyOrder(200, 409);
        }
    }

    @Test
    void shouldAnswerAWriteUnderAStoredCycle() throws Exception {
        Map<String, Object> a = createCategory();
        Map<String, Object> b = createCategory(Map.of("name", unique("Category"), "parent", a.get("slug")));
        storeParent(a.get("id"), b.get("id")); // a cycle as an older release could store it

        List<Integer> statuses = Concurrently.run(List.<Callable<Integer>>of(() ->
                admin().body(Map.of("name", unique("Child"), "parent", a.get("slug")))
                        .when().post("/api/v1/categories").then().extract().statusCode()));

        assertThat(statuses).containsExactly(201);
    }

    private void storeParent(Object child, Object parent) throws Exception {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement update = connection.prepareStatement("update category set parent_id = ? where id = ?")) {
            connection.setAutoCommit(true);
            update.setObject(1, UUID.fromString(parent.toString()));
            update.setObject(2, UUID.fromString(child.toString()));
            assertThat(update.executeUpdate()).isEqualTo(1);
        }
    }
}
