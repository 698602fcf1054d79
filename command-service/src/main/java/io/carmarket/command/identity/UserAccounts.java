package io.carmarket.command.identity;

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

/** The users collection. Its unique index on the lower-cased email makes registration race-free. */
@Component
public class UserAccounts implements UserDirectory {

    private final MongoTemplate mongoTemplate;

    public UserAccounts(MongoTemplate mongoTemplate) {
        this.mongoTemplate = mongoTemplate;
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

    Optional<UserAccount> byEmail(String email) {
        return Optional.ofNullable(mongoTemplate.findOne(
                Query.query(where("emailKey").is(UserAccount.emailKeyOf(email))), UserAccount.class));
    }

    Optional<UserAccount> byId(String userId) {
        return Optional.ofNullable(mongoTemplate.findById(userId, UserAccount.class));
    }

    @Override
    public boolean exists(String userId) {
        return mongoTemplate.exists(Query.query(where("_id").is(userId)), UserAccount.class);
    }
}
