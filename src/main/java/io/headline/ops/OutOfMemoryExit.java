package io.headline.ops;

import com.sun.management.HotSpotDiagnosticMXBean;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.lang.management.ManagementFactory;
import org.jboss.logging.Logger;

/**
 * Warns at start-up when the JVM would survive an OutOfMemoryError. A thread that runs out of memory in the middle of
 * a database write can leave the embedded store broken while the process keeps running and writing (after one,
 * H2 would not reopen); -XX:+ExitOnOutOfMemoryError ends the process at once instead, which the store recovers
 * from like any kill. The flag cannot be turned on from inside: the README's commands, the Maven dev mode and
 * the Dockerfile pass it.
 */
@ApplicationScoped
class OutOfMemoryExit {

    private static final Logger LOG = Logger.getLogger(OutOfMemoryExit.class);

    void check(@Observes StartupEvent started) {
        HotSpotDiagnosticMXBean vm = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
        if (vm != null && !Boolean.parseBoolean(vm.getVMOption("ExitOnOutOfMemoryError").getValue())) {
            LOG.warn("The JVM runs without -XX:+ExitOnOutOfMemoryError: an out-of-memory error could leave the "
                    + "database half-written while the process goes on. Start it with "
                    + "java -XX:+ExitOnOutOfMemoryError -jar ...");
        }
    }
}
