package io.headline.common.paging;

import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** The paging parameters every list takes, documented once. They arrive as text; {@link PageRequest} checks them. */
public class PagingParams {

    @QueryParam("page")
    @Parameter(description = "Page number, from 1 (offset paging). Not with `cursor`. Offset paging goes "
            + PageRequest.MAX_DEPTH + " items deep: page × size above that is a 400; `cursor` goes any depth.",
            schema = @Schema(type = SchemaType.INTEGER, minimum = "1", defaultValue = "1"), example = "2")
    public String page;

    @QueryParam("size")
    @Parameter(description = "Items per page, 1 to 100; a larger size is a 400, never a silent cap.",
            schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "100", defaultValue = "20"),
            example = "20")
    public String size;

    @QueryParam("cursor")
    @Parameter(description = "Continue after the page that returned this `meta.nextCursor` (keyset paging): "
            + "each item exactly once even while items are added or removed. Not with `page`.",
            schema = @Schema(type = SchemaType.STRING), example = "eyJzIjoiLXB1Ymxpc2hlZEF0LGlkIiwidiI6W119")
    public String cursor;

    @QueryParam("count")
    @Parameter(description = "Whether to count the whole list (`meta.totalItems`, `meta.totalPages`); false skips "
            + "the count query.", schema = @Schema(type = SchemaType.BOOLEAN, defaultValue = "true"), example = "false")
    public String count;

    public PageRequest pageRequest() {
        return PageRequest.parse(page, size, cursor, count);
    }
}
