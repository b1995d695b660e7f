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
            // A command opens no port (a server may be running on it), loads no demo content into the database it
            // imports into and sends no webhooks (the servers do, and a command ends before its attempts would be
            // recorded); its output is its own, so logs go to stderr.
            System.setProperty("quarkus.http.host-enabled", "false");
            System.setProperty("quarkus.management.host-enabled", "false");
            System.setProperty("headline.demo-content", "false");
            System.setProperty("headline.webhooks.poll-interval", "0s");
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
