package io.carmarket.command.identity;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.carmarket.support.security.UserDirectory;
import jakarta.annotation.PostConstruct;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import java.util.Optional;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/**
 * The users collection. Its unique index on the lower-cased email makes registration race-free.
 * <p>
 * Every authenticated request asks whether its token's user still exists (D15); users found are remembered for a
 * short while ({@code carmarket.identity.known-users}), so that the answer costs a read of the collection once per
 * user and period instead of once per request (a tenth of a booking's CPU, docs/benchmarks.md, issue 12).
 */
@Component
public class UserAccounts implements UserDirectory {

    private final MongoTemplate mongoTemplate;
    private final Cache<String, Boolean> knownUsers;

    public UserAccounts(MongoTemplate mongoTemplate, IdentityProperties properties) {
        this.mongoTemplate = mongoTemplate;
        this.knownUsers = Caffeine.newBuilder()
                .expireAfterWrite(properties.knownUsers().remembered())
                .maximumSize(properties.knownUsers().maxSize())
                .build();
    }

    @PostConstruct
    void ensureIndexes() {
        mongoTemplate.indexOps(UserAccount.class)
                .createIndex(new Index("emailKey", Sort.Direction.ASC).unique().named("unique_email"));
    }

    /**
     * @throws EmailTakenException if another account has this email, in any letter case
     */
    UserAccount add(UserAccount account) {
        try {
            return mongoTemplate.insert(account);
        } catch (DuplicateKeyException taken) {
            throw new EmailTakenException();
        }
    }

    /** Undoes {@link #add} of an account that never became known (its registration failed). */
    void remove(String userId) {
        mongoTemplate.remove(Query.query(where("_id").is(userId)), UserAccount.class);
    }

    Optional<UserAccount> byEmail(String email) {
        return Optional.ofNullable(mongoTemplate.findOne(
                Query.query(where("emailKey").is(UserAccount.emailKeyOf(email))), UserAccount.class));
    }

    Optional<UserAccount> byId(String userId) {
        return Optional.ofNullable(mongoTemplate.findById(userId, UserAccount.class));
    }

    @Override
    public boolean exists(String userId) {
        if (knownUsers.getIfPresent(userId) != null) {
            return true;
        }
        boolean exists = mongoTemplate.exists(Query.query(where("_id").is(userId)), UserAccount.class);
        if (exists) {
            knownUsers.put(userId, Boolean.TRUE);
        }
        return exists;
    }
}
