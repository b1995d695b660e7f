package io.headline.webhook;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The Standard Webhooks reference verifier (the standardwebhooks npm package, pinned in src/test/node/standardwebhooks)
 * run by node over what a {@link Receiver} recorded: a receiver using an off-the-shelf library accepts our requests.
 * Public for the black-box tests over the packaged application (io.headline.ops).
 */
public final class ReferenceVerifier {

    private static final File FOLDER = new File("src/test/node/standardwebhooks");

    private ReferenceVerifier() {
    }

    public static boolean nodeAvailable() {
        try {
            return new ProcessBuilder("node", "--version").start().waitFor(10, TimeUnit.SECONDS);
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    /** What the verifier printed; it fails unless every request verifies. */
    public static String verify(String secret, List<Receiver.Request> requests) throws Exception {
        if (!new File(FOLDER, "node_modules/standardwebhooks").isDirectory()) {
            run(List.of("npm", "ci", "--no-audit", "--no-fund", "--loglevel=error"), null);
        }
        List<Map<String, String>> recorded = requests.stream().map(r -> Map.of("id", r.id(), "timestamp",
                r.timestamp(), "signature", r.signature(), "body", r.body())).toList();
        return run(List.of("node", "verify.mjs"),
                new ObjectMapper().writeValueAsString(Map.of("secret", secret, "requests", recorded)));
    }

    private static String run(List<String> command, String input) throws Exception {
        Process process = new ProcessBuilder(command).directory(FOLDER).redirectErrorStream(true).start();
        if (input != null) {
            process.getOutputStream().write(input.getBytes(StandardCharsets.UTF_8));
        }
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new AssertionError(String.join(" ", command) + " failed: " + output);
        }
        return output;
    }
}
