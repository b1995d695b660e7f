package io.headline.ops;

import io.quarkus.runtime.Application;
import io.quarkus.runtime.ApplicationLifecycleManager;
import io.quarkus.runtime.configuration.ConfigurationException;
import io.smallrye.config.ConfigValidationException;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.logging.Logger;

/**
 * How the jar's process ends (its exit handler): as Quarkus's own would, except that a start that failed because the
 * database URL is of the other flavour than the jar was built for says that, and the fix, instead of the driver's
 * bare "Driver does not support the provided URL" (see {@link DatabaseFlavour}).
 */
public final class StartFailure {

    private StartFailure() {
    }

    public static void exit(int status, Throwable failure) {
        if (failure != null) {
            report(failure);
        }
        ApplicationLifecycleManager.getDefaultExitCodeHandler().accept(status, failure);
    }

    /** What Quarkus logs when it has no exit handler of the application's, but for a database of the other flavour. */
    private static void report(Throwable failure) {
        Logger log = Logger.getLogger(Application.class);
        Optional<String> mismatch = flavourMismatch();
        if (mismatch.isPresent()) {
            log.error(mismatch.get());
            log.debug("The start failed with", failure);
            return;
        }
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        if (root instanceof ConfigurationException || root instanceof ConfigValidationException) {
            System.err.println(root.getMessage());
        } else {
            log.errorv(failure, "Failed to start application");
        }
    }

    private static Optional<String> flavourMismatch() {
        try {
            Config config = ConfigProvider.getConfig();
            return DatabaseFlavour.mismatch(
                    config.getOptionalValue("quarkus.datasource.db-kind", String.class).orElse(null),
                    config.getOptionalValue("quarkus.datasource.jdbc.url", String.class).orElse(null));
        } catch (RuntimeException noConfig) {
            return Optional.empty(); // the start failed before its configuration was read
        }
    }
}
