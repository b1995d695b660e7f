package io.headline.media;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What may be changed of a media file: its texts and its focal point (a merge patch sets what it names). */
@Schema(name = "MediaPatch", description = "What a merge patch of a media may set.")
public record MediaInput(
        @Size(max = 1000) String alt,
        @Size(max = 2000) String caption,
        @Size(max = 500) String credit,
        @Valid Focal focalPoint) {

    @Schema(name = "FocalPointInput")
    public record Focal(
            @NotNull @DecimalMin("0") @DecimalMax("1") Double x,
            @NotNull @DecimalMin("0") @DecimalMax("1") Double y) {
    }
}
