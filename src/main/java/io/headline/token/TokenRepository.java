package io.headline.token;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class TokenRepository implements PanacheRepositoryBase<ApiToken, UUID> {

    public Optional<ApiToken> findByHash(String hash) {
        return find("from ApiToken t left join fetch t.author where t.tokenHash = ?1", hash).firstResultOptional();
    }

    public List<ApiToken> newestFirst() {
        return find("from ApiToken t left join fetch t.author order by t.createdAt desc, t.id desc").list();
    }
}
