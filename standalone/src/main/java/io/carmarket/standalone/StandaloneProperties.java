package io.carmarket.standalone;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.nio.file.Path;

/**
 * @param dataDir       where the event store and the read models are kept; survives restarts
 * @param embeddedMongo the in-process MongoDB-wire server
 * @param demoData      whether an empty store is filled with demo cars and bookings at start
 */
@ConfigurationProperties("carmarket")
public record StandaloneProperties(Path dataDir, EmbeddedMongo embeddedMongo, DemoData demoData) {

    /**
     * @param host      interface to bind; loopback only by default
     * @param port      0 picks a free port
     * @param database  database name
     * @param cacheSize MVStore page cache in MB; a cold, small cache makes the first queries of a large store slow
     */
    public record EmbeddedMongo(@DefaultValue("127.0.0.1") String host, @DefaultValue("0") int port,
                                @DefaultValue("carmarket") String database, @DefaultValue("256") int cacheSize) {
    }

    public record DemoData(@DefaultValue("false") boolean enabled) {
    }
}
