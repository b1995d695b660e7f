package io.headline.security;

import io.headline.common.HeadlineConfig;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Lets anonymous callers read published content while public reads are on (HEADLINE_PUBLIC_READS, default
 * true); switched off, every read needs at least a content token, as with a delivery API key.
 */
@ApplicationScoped
public class PublicReadsAugmentor implements SecurityIdentityAugmentor {

    private final boolean publicReads;

    public PublicReadsAugmentor(HeadlineConfig config) {
        this.publicReads = config.publicReads();
    }

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        if (identity.isAnonymous() && publicReads) {
            return Uni.createFrom().item(QuarkusSecurityIdentity.builder(identity).addRole(Roles.READER).build());
        }
        return Uni.createFrom().item(identity);
    }
}
