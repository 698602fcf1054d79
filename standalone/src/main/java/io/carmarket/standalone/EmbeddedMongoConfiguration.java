package io.carmarket.standalone;

import de.bwaldvogel.mongo.MongoServer;
import io.carmarket.standalone.readmodelstore.KeyOrderedH2Backend;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.mongo.MongoConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.mongodb.ConnectionString;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Runs a MongoDB-wire-protocol server inside the JVM (mongo-java-server), persisted to an H2 MVStore file in the
 * data directory, and points Spring Data MongoDB at it. The application talks to it with the ordinary MongoDB
 * driver, exactly as it talks to MongoDB in the distributed deployment.
 */
@Configuration(proxyBeanMethods = false)
public class EmbeddedMongoConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedMongoConfiguration.class);
    private static final String STORE_FILE = "readmodels.mv.db";

    @Bean(destroyMethod = "close")
    public MVStore readModelStore(StandaloneProperties properties) {
        Path file = createDataDir(properties.dataDir()).resolve(STORE_FILE);
        return new MVStore.Builder()
                .fileName(file.toString())
                .cacheSize(properties.embeddedMongo().cacheSize())
                .open();
    }

    @Bean(destroyMethod = "shutdown")
    public MongoServer embeddedMongoServer(MVStore readModelStore, StandaloneProperties properties) {
        MongoServer server = new MongoServer(new KeyOrderedH2Backend(readModelStore));
        server.bind(properties.embeddedMongo().host(), properties.embeddedMongo().port());
        InetSocketAddress address = server.getLocalAddress();
        log.info("Embedded MongoDB-wire server listening on {}:{}", address.getHostString(), address.getPort());
        return server;
    }

    @Bean
    public MongoConnectionDetails embeddedMongoConnectionDetails(MongoServer embeddedMongoServer,
                                                                 StandaloneProperties properties) {
        InetSocketAddress address = embeddedMongoServer.getLocalAddress();
        ConnectionString connectionString = new ConnectionString("mongodb://" + address.getHostString() + ":"
                + address.getPort() + "/" + properties.embeddedMongo().database());
        return () -> connectionString;
    }

    private static Path createDataDir(Path dataDir) {
        try {
            return Files.createDirectories(dataDir);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the data directory " + dataDir.toAbsolutePath(), e);
        }
    }
}
