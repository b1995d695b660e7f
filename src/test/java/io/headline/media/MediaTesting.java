package io.headline.media;

import static io.headline.Api.ADMIN_TOKEN;
import static io.restassured.RestAssured.given;

import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/** Uploads and looks at what is served, for the media tests. */
final class MediaTesting {

    private static final Vips VIPS = new Vips(Optional.empty(), Duration.ofSeconds(30));

    private MediaTesting() {
    }

    static RequestSpecification as(String token) {
        return given().accept("application/json, application/problem+json").header("Authorization", "Bearer " + token);
    }

    static RequestSpecification admin() {
        return as(ADMIN_TOKEN);
    }

    static ExtractableResponse<Response> upload(RequestSpecification caller, byte[] bytes, String type, String name) {
        return caller.contentType(type).header("Content-Disposition", "attachment; filename=\"" + name + "\"")
                .body(bytes).when().post("/api/v1/media").then().extract();
    }

    /** Uploads as the admin and returns the new media's JSON. */
    static io.restassured.path.json.JsonPath uploaded(byte[] bytes, String type, String name) {
        ExtractableResponse<Response> response = upload(admin(), bytes, type, name);
        if (response.statusCode() != 201) {
            throw new AssertionError("upload answered " + response.statusCode() + ": " + response.asString());
        }
        return response.jsonPath();
    }

    /** The path of a media file URL, for REST Assured (the URL is a path on this API unless a base URL is set). */
    static byte[] fetch(RequestSpecification caller, String url, int status) {
        return caller.when().get(url).then().statusCode(status).extract().asByteArray();
    }

    /** What the engine reads in an image's header: its real format and size, whatever the name says. */
    static Vips.Header header(byte[] image, String extension) {
        try {
            Path file = Files.createTempFile("served-", "." + extension);
            try {
                Files.write(file, image);
                return VIPS.header(file);
            } finally {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (Vips.Failure e) {
            throw new AssertionError("not a readable " + extension + ": " + e.getMessage());
        }
    }

    /** Every file under a folder, for checking that a refused upload left nothing behind. */
    static java.util.List<Path> filesUnder(Path root) {
        if (!Files.isDirectory(root)) {
            return java.util.List.of();
        }
        try (var files = Files.walk(root)) {
            return files.filter(Files::isRegularFile).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
