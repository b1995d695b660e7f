package io.headline.media;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The image engine: libvips's command-line tools (Debian's libvips-tools), one short process per operation. libvips
 * streams images in small regions and shrinks JPEGs while it loads them, so a transform of a 50-megapixel photo
 * stays around 50 MB, and that memory is the child process's, never the JVM's heap; it also writes WebP and AVIF,
 * which no pure-Java library does. Its loaders for risky formats are blocked (VIPS_BLOCK_UNTRUSTED), each process
 * uses one thread, and each is killed if it passes its deadline. A truncated or corrupt file is an error
 * (fail-on error), not an image with a grey bottom.
 */
final class Vips {

    /** Why an image could not be read or written. */
    static final class Failure extends Exception {
        Failure(String message) {
            super(message);
        }
    }

    /** What an image's header says, before any decoding. */
    record Header(int width, int height, int orientation) {

        /** Width and height as shown, with the EXIF orientation applied (5 to 8 turn the image by 90°). */
        int shownWidth() {
            return orientation >= 5 && orientation <= 8 ? height : width;
        }

        int shownHeight() {
            return orientation >= 5 && orientation <= 8 ? width : height;
        }
    }

    private final String vips;
    private final String vipsheader;
    private final Duration timeout;

    Vips(Optional<String> directory, Duration timeout) {
        this.vips = directory.map(d -> Path.of(d, "vips").toString()).orElse("vips");
        this.vipsheader = directory.map(d -> Path.of(d, "vipsheader").toString()).orElse("vipsheader");
        this.timeout = timeout;
    }

    /** The engine's version, or empty when it cannot be run. */
    Optional<String> version() {
        try {
            String out = run(List.of(vips, "--version")).trim();
            return out.startsWith("vips") ? Optional.of(out) : Optional.empty();
        } catch (IOException | Failure e) {
            return Optional.empty();
        }
    }

    /** Whether the engine can write a format (AVIF needs libheif with an AV1 encoder, a plugin on some systems). */
    boolean writes(String extension) {
        try {
            Path dir = Files.createTempDirectory("vips-probe-");
            Path out = dir.resolve("probe." + extension);
            try {
                run(List.of(vips, "black", out + "[strip]", "16", "16", "--bands", "3"));
                return Files.isRegularFile(out) && Files.size(out) > 0;
            } finally {
                Files.deleteIfExists(out);
                Files.deleteIfExists(dir);
            }
        } catch (IOException | Failure e) {
            return false;
        }
    }

    Header header(Path image) throws IOException, Failure {
        String out = run(List.of(vipsheader, "-a", image.toString()));
        int width = 0;
        int height = 0;
        int orientation = 1;
        for (String line : out.split("\n")) {
            int colon = line.indexOf(':');
            if (colon < 0) {
                continue;
            }
            String name = line.substring(0, colon).trim();
            String value = line.substring(colon + 1).trim();
            switch (name) {
                case "width" -> width = parse(value);
                case "height" -> height = parse(value);
                case "orientation", "exif-ifd0-Orientation" -> orientation = parse(value.split(" ")[0]);
                default -> { }
            }
        }
        if (width <= 0 || height <= 0) {
            throw new Failure("the image header names no size");
        }
        return new Header(width, height, orientation);
    }

    /**
     * Scales an image to fit inside width × height (never up), with its orientation applied to the pixels, and saves
     * it without metadata (EXIF, XMP, ICC names, GPS) in the format the output's extension names.
     */
    void thumbnail(Path in, Path out, int width, int height, String saveOptions) throws IOException, Failure {
        run(List.of(vips, "thumbnail", in.toString(), output(out, saveOptions), Integer.toString(width),
                "--height", Integer.toString(height), "--size", "down", "--fail-on", "error"));
    }

    /** Scales to exactly width × height (the caller keeps the aspect), for a crop to follow. */
    void scale(Path in, Path out, int width, int height) throws IOException, Failure {
        run(List.of(vips, "thumbnail", in.toString(), out.toString(), Integer.toString(width),
                "--height", Integer.toString(height), "--size", "force", "--fail-on", "error"));
    }

    void crop(Path in, Path out, int left, int top, int width, int height, String saveOptions)
            throws IOException, Failure {
        run(List.of(vips, "crop", in.toString(), output(out, saveOptions), Integer.toString(left),
                Integer.toString(top), Integer.toString(width), Integer.toString(height)));
    }

    /** Places an image in the middle of a width × height white canvas. */
    void pad(Path in, Path out, int width, int height, String saveOptions) throws IOException, Failure {
        run(List.of(vips, "gravity", in.toString(), output(out, saveOptions), "centre", Integer.toString(width),
                Integer.toString(height), "--extend", "white"));
    }

    private static String output(Path out, String saveOptions) {
        return out + "[" + saveOptions + "]";
    }

    private String run(List<String> command) throws IOException, Failure {
        Path log = Files.createTempFile("vips-", ".log");
        try {
            ProcessBuilder builder = new ProcessBuilder(new ArrayList<>(command))
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            Map<String, String> env = builder.environment();
            env.put("VIPS_BLOCK_UNTRUSTED", "1");
            env.put("VIPS_CONCURRENCY", "1");
            env.put("VIPS_WARNING", "0");
            Process process = builder.start();
            boolean done;
            try {
                done = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
                throw new Failure("interrupted");
            }
            if (!done) {
                process.destroyForcibly();
                throw new Failure("the image took longer than " + timeout.toSeconds() + " s");
            }
            String output = readBounded(log);
            if (process.exitValue() != 0) {
                throw new Failure(firstLine(output));
            }
            return output;
        } finally {
            Files.deleteIfExists(log);
        }
    }

    private static String readBounded(Path log) throws IOException {
        byte[] bytes;
        try (var in = Files.newInputStream(log)) {
            bytes = in.readNBytes(64 * 1024);
        }
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private static String firstLine(String output) {
        String line = output.strip().lines().filter(l -> !l.isBlank()).findFirst().orElse("the engine failed");
        return line.length() > 200 ? line.substring(0, 200) : line;
    }

    private static int parse(String value) {
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
