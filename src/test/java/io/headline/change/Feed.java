package io.headline.change;

import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/** A change feed as a test reads it: from a cursor to its end, page after page, as a poller would. */
final class Feed {

    /** What one read to the end found, and where the next one starts. */
    record Read(List<Map<String, Object>> changes, String cursor) {

        /** The changes of one resource, in feed order. */
        List<Map<String, Object>> of(Object id) {
            return changes.stream().filter(c -> id.equals(c.get("id"))).toList();
        }

        List<String> kindsOf(Object id) {
            return of(id).stream().map(c -> (String) c.get("kind")).toList();
        }
    }

    private Feed() {
    }

    /** Every change after {@code cursor} (null: from the beginning) that {@code caller} sees. */
    static Read after(String cursor, Supplier<RequestSpecification> caller) {
        List<Map<String, Object>> changes = new ArrayList<>();
        String next = cursor;
        boolean more = true;
        while (more) {
            RequestSpecification request = caller.get().queryParam("limit", 1000);
            if (next != null) {
                request.queryParam("since", next);
            }
            JsonPath page = request.when().get("/api/v1/changes").then().statusCode(200).extract().jsonPath();
            changes.addAll(page.getList("changes"));
            next = page.getString("nextCursor");
            more = page.getBoolean("hasMore");
        }
        return new Read(changes, next);
    }

    /** Where the feed ends now: a test reads what it does from here. */
    static String end(Supplier<RequestSpecification> caller) {
        return after(null, caller).cursor();
    }
}
