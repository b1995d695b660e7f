package io.headline.common.paging;

import io.headline.common.query.CommaList;
import jakarta.ws.rs.QueryParam;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** The parameters of lists sorted by name by default: authors and categories. */
public class NamedListParams extends PagingParams {

    @QueryParam("sort")
    @Parameter(description = "Comma-separated sort keys, `-` for descending, from: name, createdAt, updatedAt. "
            + "The id is always appended as a tie-breaker.", schema = @Schema(type = SchemaType.ARRAY,
                    implementation = String.class, defaultValue = "name",
                    enumeration = {"name", "-name", "createdAt", "-createdAt", "updatedAt", "-updatedAt"}),
            example = "-createdAt")
    public List<String> sort;

    /** The sort as one comma-separated spelling, or null for the default. */
    public String sortSpec() {
        return CommaList.join(sort);
    }
}
