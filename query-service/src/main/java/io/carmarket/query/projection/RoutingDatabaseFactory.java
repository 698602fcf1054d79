package io.carmarket.query.projection;

import com.mongodb.ClientSessionOptions;
import com.mongodb.client.ClientSession;
import com.mongodb.client.MongoDatabase;
import org.bson.codecs.configuration.CodecRegistry;
import org.springframework.dao.support.PersistenceExceptionTranslator;
import org.springframework.data.mongodb.MongoDatabaseFactory;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The application's {@link MongoDatabaseFactory}, with every read model's collection opened in the database where
 * that read model currently lives. A rebuilt projection's collections live in the database its rebuild wrote
 * (switching to it is one change of this table, atomic for readers, with no copy or rename); while a rebuild runs,
 * its own threads write to the rebuild's database ({@link RebuildTarget}). Everything else stays in the configured
 * database. {@code MongoTemplate} opens collections through {@code MongoDatabase.getCollection} for every operation,
 * so the projections and query handlers need not know where a collection is, whether they name it by class or by
 * name.
 */
final class RoutingDatabaseFactory implements MongoDatabaseFactory {

    private static final String GET_COLLECTION = "getCollection";

    private final MongoDatabaseFactory delegate;
    /** Collections that live outside the configured database, by name. */
    private final Map<String, String> relocated = new ConcurrentHashMap<>();
    private volatile MongoDatabase home;
    private volatile String homeName;

    RoutingDatabaseFactory(MongoDatabaseFactory delegate) {
        this.delegate = delegate;
    }

    /** The configured database's name. */
    String homeDatabase() {
        if (homeName == null) {
            homeName = delegate.getMongoDatabase().getName();
        }
        return homeName;
    }

    /** From now on, {@code collections} are opened in {@code database} (the configured one: back home). */
    void relocate(Collection<String> collections, String database) {
        for (String collection : collections) {
            if (database.equals(homeDatabase())) {
                relocated.remove(collection);
            } else {
                relocated.put(collection, database);
            }
        }
    }

    String databaseOf(String collection) {
        return RebuildTarget.databaseFor(collection)
                .orElseGet(() -> relocated.getOrDefault(collection, homeDatabase()));
    }

    @Override
    public MongoDatabase getMongoDatabase() {
        if (home == null) {
            home = routing(delegate.getMongoDatabase());
        }
        return home;
    }

    @Override
    public MongoDatabase getMongoDatabase(String dbName) {
        return delegate.getMongoDatabase(dbName);
    }

    private MongoDatabase routing(MongoDatabase configured) {
        InvocationHandler handler = (proxy, method, arguments) -> invoke(configured, method, arguments);
        return (MongoDatabase) Proxy.newProxyInstance(MongoDatabase.class.getClassLoader(),
                new Class<?>[]{MongoDatabase.class}, handler);
    }

    private Object invoke(MongoDatabase configured, Method method, Object[] arguments) throws Throwable {
        MongoDatabase target = configured;
        if (method.getName().equals(GET_COLLECTION) && arguments != null && arguments[0] instanceof String name) {
            String database = databaseOf(name);
            if (!database.equals(homeDatabase())) {
                target = delegate.getMongoDatabase(database);
            }
        }
        try {
            return method.invoke(target, arguments);
        } catch (InvocationTargetException failure) {
            throw failure.getCause();
        }
    }

    @Override
    public PersistenceExceptionTranslator getExceptionTranslator() {
        return delegate.getExceptionTranslator();
    }

    @Override
    public CodecRegistry getCodecRegistry() {
        return delegate.getCodecRegistry();
    }

    @Override
    public ClientSession getSession(ClientSessionOptions options) {
        return delegate.getSession(options);
    }

    @Override
    public MongoDatabaseFactory withSession(ClientSession session) {
        return delegate.withSession(session);
    }

    @Override
    public boolean isTransactionActive() {
        return delegate.isTransactionActive();
    }
}
