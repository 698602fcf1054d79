package io.carmarket.command.identity;

import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.Optional;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/** The refresh_token_families collection; rotation is one atomic compare-and-set on the current token id. */
@Component
class RefreshTokenFamilies {

    static final String REUSE_DETECTED = "REUSE_DETECTED";
    static final String LOGOUT = "LOGOUT";

    private final MongoTemplate mongoTemplate;

    RefreshTokenFamilies(MongoTemplate mongoTemplate) {
        this.mongoTemplate = mongoTemplate;
    }

    void start(RefreshTokenFamily family) {
        mongoTemplate.insert(family);
    }

    Optional<RefreshTokenFamily> byId(String familyId) {
        return Optional.ofNullable(mongoTemplate.findById(familyId, RefreshTokenFamily.class));
    }

    /**
     * Replaces the family's current token by a new one, if and only if {@code presentedTokenId} is still current
     * and the family is not revoked. Of two concurrent rotations with the same token, one wins.
     */
    boolean rotate(String familyId, String presentedTokenId, String nextTokenId, Instant expiresAt) {
        Query current = Query.query(where("_id").is(familyId).and("currentTokenId").is(presentedTokenId)
                .and("revokedAt").is(null));
        Update next = new Update().set("currentTokenId", nextTokenId).set("expiresAt", expiresAt);
        return mongoTemplate.findAndModify(current, next, FindAndModifyOptions.options().returnNew(true),
                RefreshTokenFamily.class) != null;
    }

    void revoke(String familyId, String reason, Instant at) {
        mongoTemplate.updateFirst(Query.query(where("_id").is(familyId).and("revokedAt").is(null)),
                new Update().set("revokedAt", at).set("revocationReason", reason), RefreshTokenFamily.class);
    }

    long pruneExpired(Instant now) {
        return mongoTemplate.remove(Query.query(where("expiresAt").lt(now)), RefreshTokenFamily.class)
                .getDeletedCount();
    }
}
