package io.carmarket.benchmark.search;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import io.carmarket.standalone.readmodelstore.KeyOrderedH2Backend;
import org.h2.mvstore.MVStore;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.SimpleMongoClientDatabaseFactory;
import org.springframework.data.mongodb.core.convert.DefaultDbRefResolver;
import org.springframework.data.mongodb.core.convert.MappingMongoConverter;
import org.springframework.data.mongodb.core.convert.MongoCustomConversions;
import org.springframework.data.mongodb.core.mapping.MongoMappingContext;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.List;

/**
 * The read-model store of the standalone, opened here the way the standalone opens it
 * ({@code EmbeddedMongoConfiguration} with its default settings in {@code application.yml}): an H2 MVStore file with
 * a 256 MB page cache behind mongo-java-server on loopback, reached through the ordinary MongoDB driver. The
 * {@link MongoTemplate} gets the mapping Spring Boot 3.5 gives the query-service (its {@code MongoDataConfiguration}:
 * no custom conversions, the simple-type holder of those conversions, a DBRef resolver), which is all the
 * query-service uses: Decimal128 prices come from {@code @Field(targetType = DECIMAL128)} on the read model.
 */
final class EmbeddedReadModelStore implements AutoCloseable {

    /** Standalone defaults (carmarket.embedded-mongo.* and the store's file name). */
    private static final String STORE_FILE = "readmodels.mv.db";
    private static final int CACHE_SIZE_MB = 256;
    private static final String HOST = "127.0.0.1";
    private static final int ANY_FREE_PORT = 0;
    static final String DATABASE = "carmarket";

    private final MVStore store;
    private final MongoServer server;
    private final MongoClient client;
    private final MongoTemplate template;

    private EmbeddedReadModelStore(MVStore store, MongoServer server, MongoClient client, MongoTemplate template) {
        this.store = store;
        this.server = server;
        this.client = client;
        this.template = template;
    }

    static EmbeddedReadModelStore open(Path directory) {
        MVStore store = new MVStore.Builder()
                .fileName(directory.resolve(STORE_FILE).toString())
                .cacheSize(CACHE_SIZE_MB)
                .open();
        MongoServer server = new MongoServer(new KeyOrderedH2Backend(store));
        server.bind(HOST, ANY_FREE_PORT);
        InetSocketAddress address = server.getLocalAddress();
        MongoClient client = MongoClients.create("mongodb://" + address.getHostString() + ":" + address.getPort()
                + "/" + DATABASE);
        return new EmbeddedReadModelStore(store, server, client, template(client, DATABASE));
    }

    /** A template with Spring Boot's default Mongo mapping, on {@code database}. */
    static MongoTemplate template(MongoClient client, String database) {
        SimpleMongoClientDatabaseFactory factory = new SimpleMongoClientDatabaseFactory(client, database);
        MongoCustomConversions conversions = new MongoCustomConversions(List.of());
        MongoMappingContext mappingContext = new MongoMappingContext();
        mappingContext.setSimpleTypeHolder(conversions.getSimpleTypeHolder());
        mappingContext.afterPropertiesSet();
        MappingMongoConverter converter = new MappingMongoConverter(new DefaultDbRefResolver(factory), mappingContext);
        converter.setCustomConversions(conversions);
        converter.afterPropertiesSet();
        return new MongoTemplate(factory, converter);
    }

    MongoTemplate template() {
        return template;
    }

    MongoClient client() {
        return client;
    }

    @Override
    public void close() {
        client.close();
        server.shutdown();
        store.close();
    }
}
