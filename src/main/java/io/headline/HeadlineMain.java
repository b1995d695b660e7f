package io.headline;

import io.headline.ops.StartFailure;
import io.headline.transfer.TransferCommand;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.QuarkusApplication;
import io.quarkus.runtime.annotations.QuarkusMain;
import jakarta.inject.Inject;

/**
 * The jar's entry point: without arguments, the server; with {@code import [--format F] PATH} or {@code export FILE},
 * a bulk transfer that ends with its exit status (see TransferCommand).
 */
@QuarkusMain
public class HeadlineMain implements QuarkusApplication {

    @Inject
    TransferCommand transfer;

    public static void main(String... args) {
        if (args.length > 0) {
            // A command opens no port (a server may be running on it) and loads no demo content into the database it
            // imports into; its output is its own, so logs go to stderr.
            System.setProperty("quarkus.http.host-enabled", "false");
            System.setProperty("headline.demo-content", "false");
            System.setProperty("quarkus.log.console.stderr", "true");
            System.setProperty("quarkus.banner.enabled", "false");
        }
        Quarkus.run(HeadlineMain.class, StartFailure::exit, args);
    }

    @Override
    public int run(String... args) {
        if (args.length == 0) {
            Quarkus.waitForExit();
            return 0;
        }
        return transfer.run(System.out, System.err, args);
    }
}
