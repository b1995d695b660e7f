package io.headline.fuzz;

import io.restassured.filter.Filter;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Checks the property every answer must have (never a 5xx; every 4xx an application/problem+json with status,
 * title and detail) and gathers what breaks it, one example per distinct failure, so one run reports them all.
 * The application runs in this JVM, so the exception it logs for a 5xx is caught here and names the root cause.
 */
final class Findings implements AutoCloseable {

    private final long seed;
    private final Map<String, String> examples = new LinkedHashMap<>();
    private final Map<String, Integer> counts = new LinkedHashMap<>();
    private final AtomicReference<Throwable> logged = new AtomicReference<>();
    private final Handler errors = new Handler() {
        @Override
        public void publish(LogRecord record) {
            if (record.getLevel().intValue() >= Level.SEVERE.intValue() && record.getThrown() != null) {
                logged.compareAndSet(null, record.getThrown());
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };
    private int requests;

    Findings(long seed) {
        this.seed = seed;
        Logger.getLogger("").addHandler(errors);
    }

    /** Sends one request (built on {@code capture}, which keeps the answer even when the contract filter throws). */
    Response check(String endpoint, String input, Function<Filter, Response> send) {
        requests++;
        logged.set(null);
        AtomicReference<Response> answer = new AtomicReference<>();
        Filter capture = (request, response, context) -> {
            Response r = context.next(request, response);
            answer.set(r);
            return r;
        };
        String contractViolation = null;
        try {
            send.apply(capture);
        } catch (Exception | AssertionError e) { // Groovy inside REST Assured rethrows checked exceptions unchecked
            contractViolation = e.getClass().getSimpleName() + ": " + oneLine(e.getMessage());
        }
        Response response = answer.get();
        if (response == null) {
            record(endpoint + " → no answer: " + contractViolation, input);
            return null;
        }
        int status = response.statusCode();
        if (status >= 500) {
            record(endpoint + " → " + status + " " + cause(response), input);
        } else if (status >= 400) {
            String problem = problemDefect(response);
            if (problem != null) {
                record(endpoint + " → " + status + " " + problem, input);
            }
        }
        if (contractViolation != null && status < 500) {
            record(endpoint + " → " + status + " outside the contract: " + contractViolation, input);
        }
        return response;
    }

    /** A failure of a check that is not the status property (a 2xx write that cannot be read back, say). */
    void fail(String what, String input) {
        record(what, input);
    }

    int requests() {
        return requests;
    }

    /** The failures found, one line and one reproducible example each; empty when the property held throughout. */
    String report() {
        StringBuilder out = new StringBuilder();
        examples.forEach((failure, example) -> out.append("\n- ").append(failure).append("  (×").append(counts.get(failure))
                .append(")\n    e.g. ").append(example));
        return out.isEmpty() ? "" : examples.size() + " distinct failure(s) in " + requests + " requests, seed "
                + seed + " (rerun with -Dfuzz.seed=" + seed + "):" + out;
    }

    @Override
    public void close() {
        Logger.getLogger("").removeHandler(errors);
    }

    private void record(String failure, String input) {
        examples.putIfAbsent(failure, visible(input));
        counts.merge(failure, 1, Integer::sum);
    }

    private String cause(Response response) {
        Throwable thrown = logged.get();
        if (thrown == null) {
            return "(nothing logged; body: " + visible(response.asString()) + ")";
        }
        Throwable root = thrown;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        // Digits vary with the input (positions, lengths, ids); without them, one cause is one finding.
        return root.getClass().getName() + ": " + oneLine(root.getMessage()).replaceAll("[0-9]+", "#") + " at "
                + Arrays.stream(thrown.getStackTrace()).filter(f -> f.getClassName().startsWith("io.headline")).findFirst()
                        .map(f -> f.getClassName().replaceFirst(".*\\.", "") + "." + f.getMethodName()).orElse("?");
    }

    private static String problemDefect(Response response) {
        String type = response.contentType();
        if (type == null || !type.startsWith("application/problem+json")) {
            return "is not problem+json (Content-Type " + type + ")";
        }
        try {
            JsonPath problem = response.jsonPath();
            if (problem.getInt("status") != response.statusCode()) {
                return "problem says status " + problem.get("status");
            }
            if (blank(problem.getString("title")) || blank(problem.getString("detail"))) {
                return "problem lacks a title or a detail";
            }
            return null;
        } catch (RuntimeException e) {
            return "problem body is not the expected JSON: " + oneLine(e.getMessage());
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static String oneLine(String message) {
        String line = message == null ? "" : message.replaceAll("\\s+", " ").strip();
        return line.length() > 300 ? line.substring(0, 300) + "…" : line;
    }

    /** The input with invisible and non-ASCII characters escaped, cut to a readable length. */
    static String visible(String input) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < input.length() && out.length() < 400; i++) {
            char c = input.charAt(i);
            out.append(c >= 0x20 && c < 0x7F ? String.valueOf(c) : String.format("\\u%04X", (int) c));
        }
        return input.length() > 400 ? out + "… (" + input.length() + " chars)" : out.toString();
    }
}
