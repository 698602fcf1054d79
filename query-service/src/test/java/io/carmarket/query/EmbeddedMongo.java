package io.carmarket.query;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.net.InetSocketAddress;

/**
 * The embedded MongoDB-wire server the standalone runs on, in memory, for the tests of one class:
 * {@code @RegisterExtension static final EmbeddedMongo mongo = new EmbeddedMongo();}
 */
public final class EmbeddedMongo implements BeforeAllCallback, AfterAllCallback {

    private MongoServer server;
    private MongoClient client;
    private MongoTemplate template;

    @Override
    public void beforeAll(ExtensionContext context) {
        server = new MongoServer(new MemoryBackend());
        InetSocketAddress address = server.bind();
        client = MongoClients.create("mongodb://" + address.getHostString() + ":" + address.getPort());
        template = new MongoTemplate(client, "carmarket-test");
    }

    @Override
    public void afterAll(ExtensionContext context) {
        client.close();
        server.shutdownNow();
    }

    public MongoTemplate template() {
        return template;
    }
}
