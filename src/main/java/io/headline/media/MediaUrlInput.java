package io.headline.media;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A file to import from a URL, with its texts and focal point. */
@Schema(name = "MediaUrlInput")
public record MediaUrlInput(
        @NotBlank @Size(max = 2048) @Schema(required = true, description = "An http or https URL of a public host; "
                + "redirects are not followed.") String url,
        @Size(max = 1000) String alt,
        @Size(max = 2000) String caption,
        @Size(max = 500) String credit,
        @Valid MediaInput.Focal focalPoint) {
}
