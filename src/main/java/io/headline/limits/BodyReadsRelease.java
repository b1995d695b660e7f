package io.headline.limits;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.ext.Provider;

/**
 * Gives a response's body-read units back once its body is serialized: response filters run in descending priority,
 * so this one runs after the caching filter (at the default, USER), which turns every read's entity into the bytes
 * that are sent. Sending them is bounded by {@link PendingSends}, not by the units.
 */
@Provider
@Priority(Priorities.HEADER_DECORATOR)
class BodyReadsRelease implements ContainerResponseFilter {

    private final BodyReads bodyReads;

    BodyReadsRelease(BodyReads bodyReads) {
        this.bodyReads = bodyReads;
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        bodyReads.workDone();
    }
}
