package io.headline.media;

import io.headline.common.error.ProblemException;
import io.headline.common.error.ProblemType;
import java.io.ByteArrayOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.commons.fileupload2.core.FileUploadException;
import org.apache.commons.fileupload2.core.MultipartInput;
import org.apache.commons.fileupload2.core.ParameterParser;

/**
 * Streams an upload to a temporary file, hashing and counting it as it goes: a raw body, or the one file part of a
 * multipart/form-data body (parsed as a stream by Apache Commons FileUpload, never held in memory). A body past
 * the size limit is refused with 413 as soon as it passes it; a form without a file part, or with two, is a 422.
 */
final class UploadReader {

    /** The form fields that may come with the file. */
    static final Set<String> FIELDS = Set.of("alt", "caption", "credit", "focalPoint");
    private static final int MAX_FIELD_BYTES = 4096;
    private static final int MAX_NAME_LENGTH = 255;

    private final Path temporaryDirectory;
    private final long maxBytes;

    UploadReader(Path temporaryDirectory, long maxBytes) {
        this.temporaryDirectory = temporaryDirectory;
        this.maxBytes = maxBytes;
    }

    Upload raw(InputStream body, String contentType, String contentDisposition) throws IOException {
        String name = contentDisposition == null ? null : parameters(contentDisposition).get("filename");
        return toFile(body, checkedName(name), baseType(contentType), Map.of());
    }

    /** A file fetched from elsewhere: its type is left to the bytes. */
    Upload fetched(Path file, String name, Map<String, String> fields) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return toFile(in, name, null, fields);
        }
    }

    Upload multipart(InputStream body, String contentType) throws IOException {
        String boundary = parameters(contentType).get("boundary");
        if (boundary == null || boundary.isEmpty() || boundary.length() > 70) {
            throw badForm("The multipart/form-data body has no valid boundary.");
        }
        Upload upload = null;
        Map<String, String> fields = new HashMap<>();
        try {
            MultipartInput input = MultipartInput.builder().setInputStream(body)
                    .setBoundary(boundary.getBytes(StandardCharsets.ISO_8859_1)).setPartHeaderSizeMax(8192).get();
            boolean next = input.skipPreamble();
            while (next) {
                Map<String, String> headers = headers(input.readHeaders());
                Map<String, String> disposition = parameters(headers.getOrDefault("content-disposition", ""));
                String field = disposition.get("name");
                if (disposition.containsKey("filename") || "file".equals(field)) {
                    if (upload != null) {
                        throw badForm("The form has more than one file; send one file per request.");
                    }
                    if (!"file".equals(field)) {
                        throw badForm("The file part must be named 'file'.");
                    }
                    String name = checkedName(disposition.get("filename"));
                    upload = toFile(input.newInputStream(), name, baseType(headers.get("content-type")), fields);
                } else if (field != null && FIELDS.contains(field)) {
                    ByteArrayOutputStream value = new ByteArrayOutputStream();
                    input.readBodyData(new Bounded(value, MAX_FIELD_BYTES, field));
                    fields.put(field, value.toString(StandardCharsets.UTF_8));
                } else {
                    throw badForm("Unknown form field '" + field + "'. Allowed: file, " + String.join(", ", FIELDS.stream().sorted().toList()) + ".");
                }
                next = input.readBoundary();
            }
        } catch (FileUploadException e) {
            close(upload);
            throw badForm("The multipart/form-data body is malformed: " + e.getMessage());
        } catch (IOException | RuntimeException e) {
            close(upload);
            throw e;
        }
        if (upload == null) {
            throw new ProblemException(ProblemType.VALIDATION, "The form has no file.",
                    java.util.List.of(new io.headline.common.error.Problem.FieldError("file", "is required")));
        }
        return new Upload(upload.file(), upload.bytes(), upload.sha256(), upload.name(), upload.declaredType(), Map.copyOf(fields));
    }

    private Upload toFile(InputStream in, String name, String declaredType, Map<String, String> fields) throws IOException {
        Files.createDirectories(temporaryDirectory);
        Path file = Files.createTempFile(temporaryDirectory, "upload-", ".tmp");
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            long bytes;
            try (OutputStream out = new DigestOutputStream(new Limited(Files.newOutputStream(file), maxBytes), sha)) {
                bytes = in.transferTo(out);
            }
            if (bytes == 0) {
                throw ProblemException.invalidField("file", "is empty");
            }
            return new Upload(file, bytes, HexFormat.of().formatHex(sha.digest()), name, declaredType, fields);
        } catch (NoSuchAlgorithmException e) {
            Files.deleteIfExists(file);
            throw new IllegalStateException(e);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(file);
            throw e;
        }
    }

    /**
     * A name is kept for display and downloads, never used as a path; one that could be mistaken for a path, or holds
     * control characters, or is too long to keep, is refused rather than silently changed.
     */
    static String checkedName(String name) {
        if (name == null || name.isBlank()) {
            return "upload";
        }
        if (name.length() > MAX_NAME_LENGTH) {
            throw ProblemException.invalidField("filename", "is longer than " + MAX_NAME_LENGTH + " characters");
        }
        if (name.contains("/") || name.contains("\\") || name.equals(".") || name.equals("..")
                || name.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            throw ProblemException.invalidField("filename", "must be a plain file name, without path separators or control characters");
        }
        return name.strip();
    }

    private static Map<String, String> headers(String block) {
        Map<String, String> headers = new HashMap<>();
        for (String line : block.split("\r\n")) {
            int colon = line.indexOf(':');
            if (colon > 0) {
                headers.put(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), line.substring(colon + 1).trim());
            }
        }
        return headers;
    }

    private static Map<String, String> parameters(String header) {
        ParameterParser parser = new ParameterParser();
        parser.setLowerCaseNames(true);
        return parser.parse(header, new char[] {';', ','});
    }

    /** A Content-Type without its parameters, lower case; null stays null. */
    static String baseType(String contentType) {
        if (contentType == null) {
            return null;
        }
        int semicolon = contentType.indexOf(';');
        return (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).trim().toLowerCase(Locale.ROOT);
    }

    private static void close(Upload upload) throws IOException {
        if (upload != null) {
            upload.close();
        }
    }

    private static ProblemException badForm(String detail) {
        return new ProblemException(ProblemType.VALIDATION, detail);
    }

    /** Refuses the upload with 413 as soon as it passes the limit. */
    private static final class Limited extends FilterOutputStream {

        private final long max;
        private long written;

        Limited(OutputStream out, long max) {
            super(out);
            this.max = max;
        }

        @Override
        public void write(int b) throws IOException {
            count(1);
            out.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            count(len);
            out.write(b, off, len);
        }

        private void count(int n) {
            written += n;
            if (written > max) {
                throw new ProblemException(ProblemType.TOO_LARGE, "The file is larger than the " + max + " bytes accepted.");
            }
        }
    }

    /** A form field is small text. */
    private static final class Bounded extends FilterOutputStream {

        private final int max;
        private final String field;
        private int written;

        Bounded(OutputStream out, int max, String field) {
            super(out);
            this.max = max;
            this.field = field;
        }

        @Override
        public void write(int b) throws IOException {
            if (++written > max) {
                throw ProblemException.invalidField(field, "is longer than " + max + " bytes");
            }
            out.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            written += len;
            if (written > max) {
                throw ProblemException.invalidField(field, "is longer than " + max + " bytes");
            }
            out.write(b, off, len);
        }
    }
}
