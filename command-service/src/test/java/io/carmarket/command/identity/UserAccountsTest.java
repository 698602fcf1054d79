package io.carmarket.command.identity;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import io.carmarket.api.identity.Role;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/** Whether a token's user exists, against the embedded MongoDB-wire server: users found are remembered a while. */
class UserAccountsTest {

    private MongoServer server;
    private MongoClient client;
    private MongoTemplate mongoTemplate;

    @BeforeEach
    void startMongo() {
        server = new MongoServer(new MemoryBackend());
        InetSocketAddress address = server.bind();
        client = MongoClients.create("mongodb://" + address.getHostString() + ":" + address.getPort());
        mongoTemplate = new MongoTemplate(client, "identity-test");
    }

    @AfterEach
    void stopMongo() {
        client.close();
        server.shutdownNow();
    }

    @Test
    void a_registered_user_exists() {
        UserAccounts accounts = accountsRemembering(Duration.ofMinutes(1));
        accounts.add(account("u-1", "one@example.com"));

        assertThat(accounts.exists("u-1")).isTrue();
    }

    @Test
    void an_unknown_user_does_not_exist() {
        assertThat(accountsRemembering(Duration.ofMinutes(1)).exists("u-unknown")).isFalse();
    }

    @Test
    void a_user_found_is_remembered_for_the_configured_period() {
        UserAccounts accounts = accountsRemembering(Duration.ofMinutes(1));
        accounts.add(account("u-1", "one@example.com"));
        accounts.exists("u-1");

        removeFromCollection("u-1");

        assertThat(accounts.exists("u-1")).isTrue();
    }

    @Test
    void a_user_gone_from_the_collection_is_refused_once_the_period_is_over() {
        UserAccounts accounts = accountsRemembering(Duration.ZERO);
        accounts.add(account("u-1", "one@example.com"));
        accounts.exists("u-1");

        removeFromCollection("u-1");

        assertThat(accounts.exists("u-1")).isFalse();
    }

    @Test
    void a_miss_is_not_remembered_so_a_user_registered_after_it_is_found() {
        UserAccounts accounts = accountsRemembering(Duration.ofMinutes(1));
        assertThat(accounts.exists("u-1")).isFalse();

        accounts.add(account("u-1", "one@example.com"));

        assertThat(accounts.exists("u-1")).isTrue();
    }

    private UserAccounts accountsRemembering(Duration period) {
        IdentityProperties properties = new IdentityProperties(null,
                new IdentityProperties.Login(10, 30, Duration.ofMinutes(15)),
                new IdentityProperties.RefreshCookie("carmarket_refresh", "/api/v1/auth", true), Duration.ofHours(1),
                new IdentityProperties.KnownUsers(period, 100));
        return new UserAccounts(mongoTemplate, properties);
    }

    private void removeFromCollection(String userId) {
        mongoTemplate.remove(query(where("_id").is(userId)), UserAccount.class);
    }

    private static UserAccount account(String id, String email) {
        return new UserAccount(id, email, UserAccount.emailKeyOf(email), "hash", "Name", Role.CUSTOMER,
                Instant.parse("2030-01-01T12:00:00Z"));
    }
}
