package io.carmarket.command.identity;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import io.carmarket.api.identity.Role;
import io.carmarket.api.identity.UserRegistered;
import org.axonframework.eventhandling.gateway.EventGateway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;

import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

/**
 * The configured administrator, created at start, against the embedded MongoDB-wire server. Several command-service
 * instances starting at once on an empty database all look the administrator up before any has stored it (hashing
 * its password takes longer than the look-up), so all but one find the email taken when they insert.
 */
class AdminBootstrapTest {

    private static final int INSTANCES = 8;
    private static final IdentityProperties.Admin ADMIN =
            new IdentityProperties.Admin("admin@example.com", "Test-Root-2026!", "Administrator");

    private final EventGateway events = mock(EventGateway.class);
    private final List<MongoClient> clients = new ArrayList<>();
    private MongoServer server;
    private String uri;

    @BeforeEach
    void startAnEmptyDatabase() {
        server = new MongoServer(new MemoryBackend());
        InetSocketAddress address = server.bind();
        uri = "mongodb://" + address.getHostString() + ":" + address.getPort();
    }

    @AfterEach
    void stopMongo() {
        clients.forEach(MongoClient::close);
        server.shutdownNow();
    }

    @Test
    void instances_started_together_create_the_administrator_once_and_all_start() throws Exception {
        List<Runnable> startUps = new ArrayList<>();
        for (int i = 0; i < INSTANCES; i++) {
            startUps.add(instance()::ensureAdmin);
        }

        runTogether(startUps);

        UserAccounts accounts = new UserAccounts(mongoTemplate(), properties());
        assertThat(accounts.byEmail(ADMIN.email())).get().extracting(UserAccount::role).isEqualTo(Role.ADMIN);
        assertThat(mongoTemplate().count(new Query(), UserAccount.class)).isOne();
        verify(events, times(1)).publish(any(UserRegistered.class));
    }

    @Test
    void a_later_start_finds_the_administrator_and_changes_nothing() {
        instance().ensureAdmin();

        instance().ensureAdmin();

        assertThat(mongoTemplate().count(new Query(), UserAccount.class)).isOne();
        verify(events, times(1)).publish(any(UserRegistered.class));
    }

    /** One service instance's start-up path: its own client, accounts and identity service. */
    private IdentityConfiguration.AdminBootstrap instance() {
        UserAccounts accounts = new UserAccounts(mongoTemplate(), properties());
        accounts.ensureIndexes();
        IdentityService identity = new IdentityService(accounts, null, null, null,
                PasswordEncoderFactories.createDelegatingPasswordEncoder(), null, null, Clock.systemUTC(), events);
        return new IdentityConfiguration.AdminBootstrap(properties(), accounts, identity);
    }

    private static void runTogether(List<Runnable> startUps) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(startUps.size());
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<?>> started = new ArrayList<>();
            for (Runnable startUp : startUps) {
                started.add(threads.submit(() -> {
                    go.await();
                    startUp.run();
                    return null;
                }));
            }
            go.countDown();
            for (Future<?> instance : started) {
                instance.get(30, TimeUnit.SECONDS);
            }
        } finally {
            threads.shutdownNow();
        }
    }

    private synchronized MongoTemplate mongoTemplate() {
        MongoClient client = MongoClients.create(uri);
        clients.add(client);
        return new MongoTemplate(client, "identity-test");
    }

    private static IdentityProperties properties() {
        return new IdentityProperties(ADMIN, new IdentityProperties.Login(10, 30, Duration.ofMinutes(1)),
                new IdentityProperties.RefreshCookie("carmarket_refresh", "/api/v1/auth", true), Duration.ofHours(1),
                new IdentityProperties.KnownUsers(Duration.ofSeconds(30), 100));
    }
}
