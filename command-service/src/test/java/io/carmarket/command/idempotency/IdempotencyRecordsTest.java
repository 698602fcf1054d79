package io.carmarket.command.idempotency;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import io.carmarket.command.idempotency.IdempotencyRecord.State;
import io.carmarket.command.idempotency.IdempotencyRecord.StoredResponse;
import io.carmarket.command.idempotency.IdempotencyRecords.Claim;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/** The record store against the embedded MongoDB-wire server: claims are exclusive, answers are kept, expiry. */
class IdempotencyRecordsTest {

    private static final Instant NOW = Instant.parse("2030-01-01T12:00:00Z");
    private static final IdempotencyProperties PROPERTIES = new IdempotencyProperties(Duration.ofHours(24),
            1_048_576, Duration.ofHours(1), Duration.ofMinutes(2));
    private static final StoredResponse CREATED = new StoredResponse(201, "application/json",
            "/api/v1/bookings/b-1", "{\"bookingId\":\"b-1\"}");

    private MongoServer server;
    private MongoClient client;
    private MongoTemplate mongoTemplate;
    private IdempotencyRecords records;

    @BeforeEach
    void startMongo() {
        server = new MongoServer(new MemoryBackend());
        InetSocketAddress address = server.bind();
        client = MongoClients.create("mongodb://" + address.getHostString() + ":" + address.getPort());
        mongoTemplate = new MongoTemplate(client, "idempotency-test");
        records = new IdempotencyRecords(mongoTemplate, PROPERTIES);
        records.ensureIndexes();
    }

    @AfterEach
    void stopMongo() {
        client.close();
        server.shutdownNow();
    }

    @Test
    void the_first_claim_of_a_key_acquires_an_in_progress_record() {
        Claim claim = records.claim("user-1", "key-1", "fp-1", NOW);

        assertThat(claim).isInstanceOf(Claim.Acquired.class);
        IdempotencyRecord stored = records.byId("user-1:key-1").orElseThrow();
        assertThat(stored.state()).isEqualTo(State.IN_PROGRESS);
        assertThat(stored.userId()).isEqualTo("user-1");
        assertThat(stored.key()).isEqualTo("key-1");
        assertThat(stored.requestFingerprint()).isEqualTo("fp-1");
        assertThat(stored.createdAt()).isEqualTo(NOW);
        assertThat(stored.expiresAt()).isEqualTo(NOW.plus(Duration.ofHours(24)));
        assertThat(stored.leaseExpiresAt()).isEqualTo(NOW.plus(Duration.ofMinutes(2)));
    }

    @Test
    void a_second_claim_of_the_same_key_is_refused_and_shown_the_record() {
        records.claim("user-1", "key-1", "fp-1", NOW);

        Claim second = records.claim("user-1", "key-1", "fp-1", NOW.plusSeconds(1));

        assertThat(second).isInstanceOf(Claim.Existing.class);
        assertThat(((Claim.Existing) second).record().state()).isEqualTo(State.IN_PROGRESS);
        assertThat(mongoTemplate.count(new Query(),
                IdempotencyRecord.class)).isEqualTo(1);
    }

    @Test
    void keys_are_scoped_per_user() {
        assertThat(records.claim("user-1", "key-1", "fp-1", NOW)).isInstanceOf(Claim.Acquired.class);

        assertThat(records.claim("user-2", "key-1", "fp-1", NOW)).isInstanceOf(Claim.Acquired.class);
    }

    @Test
    void a_completed_record_keeps_the_answer() {
        Claim.Acquired claim = (Claim.Acquired) records.claim("user-1", "key-1", "fp-1", NOW);

        assertThat(records.complete(claim, CREATED, NOW.plusMillis(20))).isTrue();

        Claim retry = records.claim("user-1", "key-1", "fp-1", NOW.plusSeconds(5));
        IdempotencyRecord found = ((Claim.Existing) retry).record();
        assertThat(found.state()).isEqualTo(State.COMPLETED);
        assertThat(found.response()).isEqualTo(CREATED);
        assertThat(found.completedAt()).isEqualTo(NOW.plusMillis(20));
        assertThat(found.leaseExpiresAt()).isNull();
    }

    @Test
    void an_answer_without_location_or_body_is_kept_as_such() {
        Claim.Acquired claim = (Claim.Acquired) records.claim("user-1", "key-1", "fp-1", NOW);
        StoredResponse noContent = new StoredResponse(204, null, null, "");

        records.complete(claim, noContent, NOW);

        assertThat(records.byId("user-1:key-1").orElseThrow().response()).isEqualTo(noContent);
    }

    @Test
    void a_released_key_can_be_claimed_again() {
        Claim.Acquired first = (Claim.Acquired) records.claim("user-1", "key-1", "fp-1", NOW);

        records.release(first);

        assertThat(records.byId("user-1:key-1")).isEmpty();
        assertThat(records.claim("user-1", "key-1", "fp-1", NOW.plusSeconds(1))).isInstanceOf(Claim.Acquired.class);
    }

    @Test
    void only_the_attempt_holding_a_record_completes_or_releases_it() {
        records.claim("user-1", "key-1", "fp-1", NOW);
        Claim.Acquired impostor = new Claim.Acquired("user-1:key-1", "another-owner");

        assertThat(records.complete(impostor, CREATED, NOW)).isFalse();
        records.release(impostor);

        IdempotencyRecord stored = records.byId("user-1:key-1").orElseThrow();
        assertThat(stored.state()).isEqualTo(State.IN_PROGRESS);
    }

    @Test
    void a_completed_record_is_not_released_by_its_former_holder() {
        Claim.Acquired claim = (Claim.Acquired) records.claim("user-1", "key-1", "fp-1", NOW);
        records.complete(claim, CREATED, NOW);

        records.release(claim);

        assertThat(records.byId("user-1:key-1").orElseThrow().state()).isEqualTo(State.COMPLETED);
    }

    @Test
    void an_expired_record_counts_as_absent() {
        Claim.Acquired old = (Claim.Acquired) records.claim("user-1", "key-1", "fp-old", NOW);
        records.complete(old, CREATED, NOW);

        Instant dayLater = NOW.plus(Duration.ofHours(24));
        Claim claim = records.claim("user-1", "key-1", "fp-new", dayLater);

        assertThat(claim).isInstanceOf(Claim.Acquired.class);
        IdempotencyRecord fresh = records.byId("user-1:key-1").orElseThrow();
        assertThat(fresh.requestFingerprint()).isEqualTo("fp-new");
        assertThat(fresh.state()).isEqualTo(State.IN_PROGRESS);
        assertThat(fresh.createdAt()).isEqualTo(dayLater);
    }

    @Test
    void a_record_abandoned_in_progress_is_taken_over_by_a_retry_of_the_same_request_after_its_lease() {
        Claim.Acquired lost = (Claim.Acquired) records.claim("user-1", "key-1", "fp-1", NOW);
        Instant afterLease = NOW.plus(Duration.ofMinutes(2));

        assertThat(records.claim("user-1", "key-1", "fp-1", afterLease.minusMillis(1)))
                .as("within the lease").isInstanceOf(Claim.Existing.class);
        Claim retry = records.claim("user-1", "key-1", "fp-1", afterLease);

        assertThat(retry).isInstanceOf(Claim.Acquired.class);
        Claim.Acquired takenOver = (Claim.Acquired) retry;
        assertThat(takenOver.owner()).isNotEqualTo(lost.owner());
        assertThat(records.complete(lost, CREATED, afterLease)).as("the lost attempt no longer holds it").isFalse();
        assertThat(records.complete(takenOver, CREATED, afterLease)).isTrue();
        assertThat(records.byId("user-1:key-1").orElseThrow().createdAt()).isEqualTo(NOW);
    }

    @Test
    void an_abandoned_record_is_not_taken_over_by_a_different_request() {
        records.claim("user-1", "key-1", "fp-1", NOW);

        Claim other = records.claim("user-1", "key-1", "fp-2", NOW.plus(Duration.ofMinutes(5)));

        assertThat(other).isInstanceOf(Claim.Existing.class);
        assertThat(((Claim.Existing) other).record().requestFingerprint()).isEqualTo("fp-1");
    }

    @Test
    void of_many_concurrent_claims_of_one_key_exactly_one_acquires_it() throws Exception {
        int racers = 16;
        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch start = new CountDownLatch(1);
        List<Callable<Claim>> claims = new ArrayList<>();
        for (int i = 0; i < racers; i++) {
            claims.add(() -> {
                start.await();
                return records.claim("user-1", "key-1", "fp-1", NOW);
            });
        }
        List<Future<Claim>> results = new ArrayList<>();
        for (Callable<Claim> claim : claims) {
            results.add(pool.submit(claim));
        }
        start.countDown();

        int acquired = 0;
        int existing = 0;
        for (Future<Claim> result : results) {
            Claim claim = result.get();
            acquired += claim instanceof Claim.Acquired ? 1 : 0;
            existing += claim instanceof Claim.Existing ? 1 : 0;
        }
        pool.shutdown();

        assertThat(acquired).isEqualTo(1);
        assertThat(existing).isEqualTo(racers - 1);
    }

    @Test
    void of_many_concurrent_retries_of_an_abandoned_record_exactly_one_takes_it_over() throws Exception {
        records.claim("user-1", "key-1", "fp-1", NOW);
        Instant afterLease = NOW.plus(Duration.ofMinutes(3));
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Callable<Claim>> retries = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            retries.add(() -> records.claim("user-1", "key-1", "fp-1", afterLease));
        }

        long acquired = 0;
        for (Future<Claim> result : pool.invokeAll(retries)) {
            acquired += result.get() instanceof Claim.Acquired ? 1 : 0;
        }
        pool.shutdown();

        assertThat(acquired).isEqualTo(1);
    }

    @Test
    void pruning_deletes_expired_records_only() {
        records.claim("user-1", "old", "fp-1", NOW.minus(Duration.ofHours(25)));
        Claim.Acquired done = (Claim.Acquired) records.claim("user-1", "done-old", "fp-1",
                NOW.minus(Duration.ofHours(24)));
        records.complete(done, CREATED, NOW.minus(Duration.ofHours(24)));
        records.claim("user-1", "young", "fp-1", NOW.minus(Duration.ofHours(23)));

        assertThat(records.pruneExpired(NOW)).isEqualTo(2);

        assertThat(records.byId("user-1:old")).isEmpty();
        assertThat(records.byId("user-1:done-old")).isEmpty();
        assertThat(records.byId("user-1:young")).isPresent();
    }
}
