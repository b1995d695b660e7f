package io.headline.common.query;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.headline.common.error.ProblemException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * An opaque position in a sorted list: the sort it belongs to and the sort-key values of the last item
 * returned, or, for orders that are not keys of a row (search relevance), the offset of the next item.
 * Clients pass it back unchanged; its format may change at any time.
 */
public record Cursor(String sort, List<String> values) {

    private static final String OFFSET = "offset:";

    /** A position by offset, for orders that keyset paging cannot follow. */
    public static Cursor atOffset(String sort, int offset) {
        return new Cursor(sort, List.of(OFFSET + offset));
    }

    /** The offset of a positional cursor of this sort. */
    public int offsetFor(String expectedSort) {
        List<String> v = valuesFor(expectedSort, 1);
        if (v.get(0) == null || !v.get(0).startsWith(OFFSET)) {
            throw notOurs();
        }
        try {
            return Math.max(0, Integer.parseInt(v.get(0).substring(OFFSET.length())));
        } catch (NumberFormatException e) {
            throw notOurs();
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    public String encode() {
        try {
            byte[] json = JSON.writeValueAsBytes(Map.of("s", sort, "v", values));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A cursor is a string and a list of strings", e);
        }
    }

    public static Cursor decode(String token) {
        try {
            Map<String, Object> fields = JSON.readValue(Base64.getUrlDecoder().decode(token),
                    new TypeReference<Map<String, Object>>() { });
            if (fields.get("s") instanceof String sort && fields.get("v") instanceof List<?> raw) {
                List<String> values = new ArrayList<>();
                for (Object value : raw) {
                    values.add(value == null ? null : value.toString());
                }
                return new Cursor(sort, values);
            }
        } catch (IllegalArgumentException | java.io.IOException e) {
            // fall through: not a cursor this server made
        }
        throw notOurs();
    }

    /** The answer to a cursor this API did not make (or that was altered). */
    static ProblemException notOurs() {
        return ProblemException.invalidParameter("cursor", "is not a cursor from this API; pass meta.nextCursor unchanged");
    }

    /** The values of this cursor, checked to belong to the same sort. */
    public List<String> valuesFor(String expectedSort, int keyCount) {
        if (!sort.equals(expectedSort) || values.size() != keyCount) {
            throw ProblemException.invalidParameter("cursor", "belongs to another sort ('" + sort
                    + "'); keep the sort of the request that returned it");
        }
        return values;
    }

}
