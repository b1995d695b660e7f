package io.headline.limits;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * A response that holds body-read units until the test lets it finish, so that the test can close the connection
 * while it is being built. Hidden from the contract, which describes the application, not its tests.
 */
@Path("/api/v1/test-slow-body-reads")
@Produces(MediaType.APPLICATION_JSON)
@PermitAll
public class SlowBodyReads {

    static volatile CountDownLatch started = new CountDownLatch(1);
    static volatile CountDownLatch finish = new CountDownLatch(1);

    @Inject
    BodyReads bodyReads;

    @GET
    @Operation(operationId = "slowBodyReads", hidden = true)
    public Map<String, String> slow() {
        return bodyReads.run(() -> {
            started.countDown();
            try {
                finish.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return Map.of("body", "x".repeat(100_000));
        });
    }
}
