package io.headline.common.paging;

import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** The parameters of lists sorted by name by default: authors and categories. */
public class NamedListParams extends PagingParams {

    @QueryParam("sort")
    @Parameter(description = "Comma-separated sort keys, `-` for descending, from: name, createdAt, updatedAt. "
            + "The id is always appended as a tie-breaker.",
            schema = @Schema(type = SchemaType.STRING, defaultValue = "name",
                    pattern = "^-?(name|createdAt|updatedAt)(,-?(name|createdAt|updatedAt))*$"),
            example = "-createdAt")
    public String sort;
}
