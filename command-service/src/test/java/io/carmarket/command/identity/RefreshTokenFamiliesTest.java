package io.carmarket.command.identity;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/** The session store against the embedded MongoDB-wire server: rotation is a compare-and-set, pruning is by expiry. */
class RefreshTokenFamiliesTest {

    private static final Instant NOW = Instant.parse("2030-01-01T12:00:00Z");

    private MongoServer server;
    private MongoClient client;
    private RefreshTokenFamilies families;

    @BeforeEach
    void startMongo() {
        server = new MongoServer(new MemoryBackend());
        InetSocketAddress address = server.bind();
        client = MongoClients.create("mongodb://" + address.getHostString() + ":" + address.getPort());
        families = new RefreshTokenFamilies(new MongoTemplate(client, "identity-test"));
    }

    @AfterEach
    void stopMongo() {
        client.close();
        server.shutdownNow();
    }

    @Test
    void rotating_with_the_current_token_replaces_it() {
        families.start(family("f-1", "t-1", NOW.plusSeconds(3600)));

        assertThat(families.rotate("f-1", "t-1", "t-2", NOW.plusSeconds(7200))).isTrue();

        assertThat(families.byId("f-1").orElseThrow().currentTokenId()).isEqualTo("t-2");
    }

    @Test
    void rotating_with_a_retired_token_changes_nothing() {
        families.start(family("f-1", "t-1", NOW.plusSeconds(3600)));
        families.rotate("f-1", "t-1", "t-2", NOW.plusSeconds(7200));

        assertThat(families.rotate("f-1", "t-1", "t-3", NOW.plusSeconds(7200))).isFalse();
        assertThat(families.byId("f-1").orElseThrow().currentTokenId()).isEqualTo("t-2");
    }

    @Test
    void a_revoked_family_cannot_rotate() {
        families.start(family("f-1", "t-1", NOW.plusSeconds(3600)));

        families.revoke("f-1", RefreshTokenFamilies.LOGOUT, NOW);

        assertThat(families.rotate("f-1", "t-1", "t-2", NOW.plusSeconds(7200))).isFalse();
        assertThat(families.byId("f-1").orElseThrow().revocationReason()).isEqualTo(RefreshTokenFamilies.LOGOUT);
    }

    @Test
    void of_many_concurrent_rotations_with_one_token_exactly_one_wins() throws Exception {
        families.start(family("f-1", "t-1", NOW.plusSeconds(3600)));
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Callable<Boolean>> rotations = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            String next = "t-next-" + i;
            rotations.add(() -> families.rotate("f-1", "t-1", next, NOW.plusSeconds(7200)));
        }

        long winners = 0;
        for (Future<Boolean> result : pool.invokeAll(rotations)) {
            winners += result.get() ? 1 : 0;
        }
        pool.shutdown();

        assertThat(winners).isEqualTo(1);
    }

    @Test
    void pruning_deletes_expired_families_only() {
        families.start(family("expired", "t-1", NOW.minusSeconds(1)));
        families.start(family("alive", "t-2", NOW.plusSeconds(60)));

        assertThat(families.pruneExpired(NOW)).isEqualTo(1);

        assertThat(families.byId("expired")).isEmpty();
        assertThat(families.byId("alive")).isPresent();
    }

    private static RefreshTokenFamily family(String id, String currentTokenId, Instant expiresAt) {
        return new RefreshTokenFamily(id, "user-1", currentTokenId, NOW.minusSeconds(60), expiresAt, null, null);
    }
}
