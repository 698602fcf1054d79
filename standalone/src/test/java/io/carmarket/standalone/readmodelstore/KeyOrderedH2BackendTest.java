package io.carmarket.standalone.readmodelstore;

import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.IndexOptions;
import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import org.bson.Document;
import org.bson.types.Binary;
import org.bson.types.Decimal128;
import org.bson.types.ObjectId;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The embedded MongoDB server's H2 store with natively ordered unique indexes: new stores work as before, and a
 * store written by mongo-java-server's own H2 backend (the old key order) opens with every index still finding its
 * documents, also after a reordering that was interrupted by a crash.
 */
class KeyOrderedH2BackendTest {

    private static final String DATABASE = "carmarket";
    private static final String COLLECTION = "cars";
    private static final int CARS = 300;
    private static final String VERSION_INDEX_MAP = DATABASE + "." + COLLECTION + "._index_id_version";

    @TempDir
    Path dataDir;

    @Test
    void a_new_store_finds_documents_by_their_unique_keys_and_refuses_duplicates() {
        withServer(KeyOrderedH2Backend::new, this::fill);

        withServer(KeyOrderedH2Backend::new, this::assertEveryCarIsFoundAndDuplicatesAreRefused);
    }

    @Test
    void a_store_written_in_the_old_key_order_opens_with_every_index_finding_its_documents() {
        withServer(H2Backend::new, this::fill);

        withServer(KeyOrderedH2Backend::new, this::assertEveryCarIsFoundAndDuplicatesAreRefused);
        withServer(KeyOrderedH2Backend::new, this::assertEveryCarIsFoundAndDuplicatesAreRefused);
    }

    @Test
    void a_reordering_interrupted_after_the_copy_was_complete_is_finished_when_the_store_opens_again() {
        withServer(H2Backend::new, this::fill);
        // As if a crash had come after the old index was removed and before the copy was renamed into its place.
        withStore(store -> {
            MVMap<KeyValue, Object> old = store.openMap(VERSION_INDEX_MAP);
            copyOfTheVersionIndex(store).putAll(old);
            store.removeMap(old);
        });

        withServer(KeyOrderedH2Backend::new, this::assertEveryCarIsFoundAndDuplicatesAreRefused);
        withStore(store -> assertThat(store.hasMap(VERSION_INDEX_MAP + ".reordered")).isFalse());
    }

    @Test
    void a_reordering_interrupted_while_copying_starts_again_from_the_old_index() {
        withServer(H2Backend::new, this::fill);
        // As if a crash had come halfway through the copy: the old index is complete, the copy is not.
        withStore(store -> {
            MVMap<KeyValue, Object> copy = copyOfTheVersionIndex(store);
            store.<KeyValue, Object>openMap(VERSION_INDEX_MAP).entrySet().stream().limit(CARS / 2)
                    .forEach(entry -> copy.put(entry.getKey(), entry.getValue()));
        });

        withServer(KeyOrderedH2Backend::new, this::assertEveryCarIsFoundAndDuplicatesAreRefused);
    }

    @Test
    void documents_of_every_kind_of_value_read_back_the_same_after_a_restart() {
        Document stored = new Document("_id", "car-1").append("version", 7L).append("count", 3)
                .append("rate", new Decimal128(new BigDecimal("49.90"))).append("ratio", 0.25)
                .append("featured", true).append("handoverDate", null)
                .append("listedAt", Date.from(Instant.parse("2030-01-01T10:00:00Z")))
                .append("owner", new ObjectId()).append("key", new Binary(new byte[]{1, 2, 3}))
                .append("tokens", List.of("vw", "polo"))
                .append("bookedPeriods", List.of(new Document("bookingId", "b-1").append("start", "2030-03-01")));
        withServer(KeyOrderedH2Backend::new, cars -> cars.insertOne(stored));

        withServer(KeyOrderedH2Backend::new, cars -> assertThat(cars.find().first()).isEqualTo(stored));
    }

    @Test
    void a_document_written_before_is_read_as_it_was_and_written_anew_when_it_changes() {
        withServer(H2Backend::new, this::fill);

        withServer(KeyOrderedH2Backend::new, cars -> cars.updateOne(new Document("_id", "car-1"),
                new Document("$set", new Document("colour", "red"))));

        withServer(KeyOrderedH2Backend::new, cars -> {
            assertThat(cars.find(new Document("_id", "car-1")).first()).containsEntry("colour", "red")
                    .containsEntry("plate", "B-X1");
            assertThat(cars.find(new Document("_id", "car-2")).first()).containsEntry("plate", "B-XX2");
        });
    }

    @Test
    void keys_are_equal_exactly_when_their_values_and_types_are() {
        IndexKeyType order = new IndexKeyType();

        assertThat(order.compare(new KeyValue("car-7", 3L), new KeyValue("car-7", 3L))).isZero();
        assertThat(order.compare(new KeyValue("car-7", 3L), new KeyValue("car-7", 4L))).isNegative();
        assertThat(order.compare(new KeyValue("car-10"), new KeyValue("car-9"))).isNegative();
        assertThat(order.compare(new KeyValue(3L), new KeyValue(3.0))).isNotZero();
        assertThat(order.compare(new KeyValue((Object) null), new KeyValue("a"))).isNegative();
        assertThat(order.compare(new KeyValue(new Document("a", 1)), new KeyValue(new Document("a", 1)))).isZero();
        assertThat(order.compare(new KeyValue(new Document("a", 1)), new KeyValue(new Document("a", 2))))
                .isNotZero();
        assertThat(order.compare(new KeyValue("a"), new KeyValue("a", 1L))).isNegative();
    }

    /** Cars with ids of different lengths (the old order sorts by serialized length first) and a unique plate. */
    private void fill(MongoCollection<Document> cars) {
        cars.createIndex(new Document("_id", 1).append("version", 1), new IndexOptions().unique(true)
                .name("id_version"));
        cars.createIndex(new Document("plate", 1), new IndexOptions().unique(true).name("plate"));
        for (int i = 0; i < CARS; i++) {
            cars.insertOne(new Document("_id", "car-" + i).append("version", (long) i % 7)
                    .append("plate", "B-" + "X".repeat(i % 5) + i));
        }
    }

    private void assertEveryCarIsFoundAndDuplicatesAreRefused(MongoCollection<Document> cars) {
        for (int i = 0; i < CARS; i++) {
            assertThat(cars.find(new Document("_id", "car-" + i).append("version", (long) i % 7)).first())
                    .as("car-%d by id and version", i).isNotNull();
            assertThat(cars.find(new Document("plate", "B-" + "X".repeat(i % 5) + i)).first())
                    .as("car-%d by plate", i).isNotNull();
        }
        assertThatThrownBy(() -> cars.insertOne(new Document("_id", "car-new").append("version", 0L)
                .append("plate", "B-XX2"))).isInstanceOf(MongoWriteException.class);
        assertThat(cars.countDocuments()).isEqualTo(CARS);
    }

    /** The map a reordering copies the version index into, as it names it. */
    private static MVMap<KeyValue, Object> copyOfTheVersionIndex(MVStore store) {
        return store.openMap(VERSION_INDEX_MAP + ".reordered",
                new MVMap.Builder<KeyValue, Object>().keyType(new IndexKeyType()));
    }

    private void withServer(Function<MVStore, MongoBackend> backend, Consumer<MongoCollection<Document>> work) {
        MVStore store = new MVStore.Builder().fileName(dataDir.resolve("readmodels.mv.db").toString()).open();
        MongoServer server = new MongoServer(backend.apply(store));
        try {
            InetSocketAddress address = server.bind();
            try (MongoClient client = MongoClients.create("mongodb://" + address.getHostString() + ":"
                    + address.getPort())) {
                work.accept(client.getDatabase(DATABASE).getCollection(COLLECTION));
            }
        } finally {
            server.shutdownNow();
            store.close();
        }
    }

    private void withStore(Consumer<MVStore> work) {
        MVStore store = new MVStore.Builder().fileName(dataDir.resolve("readmodels.mv.db").toString()).open();
        try {
            work.accept(store);
            store.commit();
        } finally {
            store.close();
        }
    }
}
