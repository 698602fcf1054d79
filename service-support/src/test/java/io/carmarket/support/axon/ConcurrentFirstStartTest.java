package io.carmarket.support.axon;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.extensions.mongo.DefaultMongoTemplate;
import org.axonframework.extensions.mongo.MongoTemplate;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.SimpleMongoClientDatabaseFactory;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Concurrent first start against one embedded MongoDB: several instances of a service start on an empty database
 * at the same moment and each asks its token store what a processor's start asks.
 * <p>
 * What was found: the embedded server (mongo-java-server, in memory) reproduces the crash of the distributed
 * deployment as it is. It enforces the unique index {@code {processorName, segment}} that Axon's
 * {@code MongoTokenStore} creates, answering the later insert of the {@code __config} entry with the same
 * {@code E11000 duplicate key} error as MongoDB 7, and it serves the instances' connections concurrently, so the
 * window between the store's read of the entry and its insert is real: of 8 instances started together, 2 to 7
 * failed in each of 5 runs before the fix. The first test is that plain race. Since a plain race may, rarely, let
 * every instance read after the first insert, the other two make the losing interleaving certain without replacing
 * any of Axon's code: the real {@code MongoTokenStore} runs unchanged, and only its insert waits until every
 * instance has looked for the entry (and found none). Without {@link SharedMongoTokenStore} both fail every time.
 */
class ConcurrentFirstStartTest {

    private static final int INSTANCES = 8;
    private static final String DATABASE = "first-start";
    /** Axon's default; claims play no part in creating the identifier. */
    private static final Duration CLAIM_TIMEOUT = Duration.ofSeconds(10);

    private final Serializer serializer = JacksonSerializer.defaultSerializer();
    private final List<MongoClient> clients = new ArrayList<>();
    private final ExecutorService instances = Executors.newFixedThreadPool(INSTANCES);
    private MongoServer server;
    private String uri;

    @BeforeEach
    void startAnEmptyDatabase() {
        server = new MongoServer(new MemoryBackend());
        InetSocketAddress address = server.bind();
        uri = "mongodb://" + address.getHostString() + ":" + address.getPort();
    }

    @AfterEach
    void stopEverything() {
        instances.shutdownNow();
        clients.forEach(MongoClient::close);
        server.shutdownNow();
    }

    @Test
    void instances_started_together_all_get_the_one_storage_identifier() throws Exception {
        List<String> identifiers = startTogether(() -> {
            TokenStore tokens = new EventProcessingInfrastructure()
                    .tokenStore(new SimpleMongoClientDatabaseFactory(newClient(), DATABASE), serializer,
                            new ProcessorProperties(CLAIM_TIMEOUT, null, null));
            return tokens.retrieveStorageIdentifier().orElseThrow();
        });

        assertThat(identifiers).hasSize(INSTANCES).containsOnly(identifiers.get(0));
        assertThat(trackingTokens().countDocuments(new Document("processorName", "__config"))).isOne();
    }

    @Test
    void an_instance_that_lost_the_race_for_the_config_entry_reads_the_winners_identifier() throws Exception {
        InsertsAfterEveryoneLooked gate = new InsertsAfterEveryoneLooked(INSTANCES);

        List<String> identifiers = startTogether(() -> SharedMongoTokenStore.on(gate.template(newClient()), serializer, CLAIM_TIMEOUT)
                .retrieveStorageIdentifier().orElseThrow());

        assertThat(identifiers).hasSize(INSTANCES).containsOnly(identifiers.get(0));
        assertThat(trackingTokens().countDocuments(new Document("processorName", "__config"))).isOne();
    }

    @Test
    void instances_that_initialize_a_processors_segments_together_all_find_them_initialized() throws Exception {
        InsertsAfterEveryoneLooked gate = new InsertsAfterEveryoneLooked(INSTANCES);

        List<String> segments = startTogether(() -> {
            TokenStore tokens = SharedMongoTokenStore.on(gate.template(newClient()), serializer, CLAIM_TIMEOUT);
            // As Axon's tracking processor does at its start.
            if (tokens.fetchSegments("car-search").length == 0) {
                tokens.initializeTokenSegments("car-search", 2);
            }
            return Arrays.toString(tokens.fetchSegments("car-search"));
        });

        assertThat(segments).hasSize(INSTANCES).containsOnly("[0, 1]");
        assertThat(trackingTokens().countDocuments(new Document("processorName", "car-search"))).isEqualTo(2);
    }

    /** Runs the start-up on every instance at once; fails with the first instance's failure. */
    private List<String> startTogether(Callable<String> startUp) throws Exception {
        CountDownLatch go = new CountDownLatch(1);
        List<Future<String>> started = new ArrayList<>();
        for (int i = 0; i < INSTANCES; i++) {
            started.add(instances.submit(() -> {
                go.await();
                return startUp.call();
            }));
        }
        go.countDown();
        List<String> results = new ArrayList<>();
        for (Future<String> instance : started) {
            results.add(instance.get(30, TimeUnit.SECONDS));
        }
        return results;
    }

    private synchronized MongoClient newClient() {
        MongoClient client = MongoClients.create(uri);
        clients.add(client);
        return client;
    }

    private MongoCollection<Document> trackingTokens() {
        return newClient().getDatabase(DATABASE).getCollection("trackingtokens");
    }

    /**
     * Holds every insert into the tracking tokens until all instances have reached an insert, i.e. have all read
     * the collection before any of them writes.
     */
    private static final class InsertsAfterEveryoneLooked {

        private final CountDownLatch everyoneLooked;

        InsertsAfterEveryoneLooked(int instances) {
            this.everyoneLooked = new CountDownLatch(instances);
        }

        MongoTemplate template(MongoClient client) {
            MongoTemplate real = DefaultMongoTemplate.builder().mongoDatabase(client.getDatabase(DATABASE)).build();
            MongoCollection<?> tokens = real.trackingTokensCollection();
            @SuppressWarnings("unchecked")
            MongoCollection<Document> gated = (MongoCollection<Document>) Proxy.newProxyInstance(
                    getClass().getClassLoader(), new Class<?>[]{MongoCollection.class}, (proxy, method, arguments) -> {
                        if (method.getName().startsWith("insert")) {
                            awaitEveryone();
                        }
                        try {
                            return method.invoke(tokens, arguments);
                        } catch (InvocationTargetException failure) {
                            throw failure.getCause();
                        }
                    });
            return new MongoTemplate() {
                @Override
                public MongoCollection<Document> trackingTokensCollection() {
                    return gated;
                }

                @Override
                public MongoCollection<Document> eventCollection() {
                    return real.eventCollection();
                }

                @Override
                public MongoCollection<Document> snapshotCollection() {
                    return real.snapshotCollection();
                }

                @Override
                public MongoCollection<Document> sagaCollection() {
                    return real.sagaCollection();
                }

                @Override
                public MongoCollection<Document> deadLetterCollection() {
                    return real.deadLetterCollection();
                }
            };
        }

        private void awaitEveryone() throws InterruptedException, TimeoutException {
            everyoneLooked.countDown();
            if (!everyoneLooked.await(20, TimeUnit.SECONDS)) {
                throw new TimeoutException("not every instance reached its insert");
            }
        }
    }
}
