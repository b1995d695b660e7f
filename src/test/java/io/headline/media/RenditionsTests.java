package io.headline.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.headline.common.error.ProblemException;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The renditions of one image are bounded: past the most kept, a new one is refused, those kept still served. */
class RenditionsTests {

    @TempDir
    Path dir;

    @Test
    void shouldRefuseANewRenditionPastTheMostKeptForOneImage() throws Exception {
        FileMediaStore store = new FileMediaStore(dir.resolve("store"));
        Path original = dir.resolve("original.jpg");
        Files.write(original, Images.jpeg(800, 600));
        store.put("originals/abc", original);
        Renditions renditions = new Renditions(store, new Vips(Optional.empty(), Duration.ofSeconds(30)),
                dir.resolve("work"), 1, 1000, 30_000, 2, new SimpleMeterRegistry());
        Renditions.Source source = new Renditions.Source("originals/abc", "renditions/m/", MediaKind.JPEG, 800, 600,
                0.5, 0.5);
        List<Integer> sizes = List.of(160, 320, 640);

        for (String width : List.of("160", "320")) {
            Rendition r = Rendition.parse(width, null, null, "webp", null, null, MediaKind.JPEG, sizes, sizes);
            assertThat(renditions.file(source, "renditions/m/v1/" + r.fileName(), r)).isRegularFile();
        }
        Rendition third = Rendition.parse("640", null, null, "webp", null, null, MediaKind.JPEG, sizes, sizes);
        assertThatThrownBy(() -> renditions.file(source, "renditions/m/v1/" + third.fileName(), third))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.type().status()).isEqualTo(409));
        Rendition kept = Rendition.parse("160", null, null, "webp", null, null, MediaKind.JPEG, sizes, sizes);
        assertThat(renditions.file(source, "renditions/m/v1/" + kept.fileName(), kept)).isRegularFile();
    }
}
