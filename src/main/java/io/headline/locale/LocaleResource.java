package io.headline.locale;

import io.headline.common.ApiPaths;
import io.headline.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The server's locales (headline.locales), for a front end's language switch. */
@Path(ApiPaths.V1 + "/locales")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Locales", description = "The languages content is written and served in.")
public class LocaleResource {

    @Schema(name = "Locale", description = "A locale the server has.")
    public record LocaleView(
            @Schema(required = true, description = "Its BCP 47 tag, as `locale` parameters and articles spell it.",
                    examples = "de-AT") String locale,
            @Schema(required = true, description = "Whether it is the default: what a read serves when nothing "
                    + "else decides, and where every fallback chain ends.") boolean isDefault,
            @Schema(required = true, description = "The locales a read tries next, in order, when an item has no "
                    + "visible translation in this one.", examples = "[\"de\", \"en\"]") List<String> fallbacks) {
    }

    @Schema(name = "LocaleList", description = "The server's locales, the default first.")
    public record LocaleList(@Schema(required = true) List<LocaleView> data) {
    }

    private final LocaleList list;

    public LocaleResource(Locales locales) {
        this.list = new LocaleList(locales.all().stream().map(tag -> {
            List<String> chain = locales.chain(tag);
            return new LocaleView(tag, tag.equals(locales.defaultLocale()), chain.subList(1, chain.size()));
        }).toList());
    }

    @GET
    @RolesAllowed(Roles.READER)
    @Operation(operationId = "listLocales", summary = "List the server's locales",
            description = "Every locale of headline.locales with its fallback chain, the default first: what a "
                    + "language switch offers. It changes only with the server's configuration.")
    public LocaleList list() {
        return list;
    }
}
