package io.carmarket.benchmark.eventstore;

import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.jdbc.UnitOfWorkAwareConnectionProviderWrapper;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcSQLErrorCodesResolver;
import org.axonframework.eventsourcing.snapshotting.SnapshotFilter;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.axonframework.serialization.upcasting.event.NoOpEventUpcaster;
import org.h2.jdbcx.JdbcConnectionPool;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * The standalone's event store rebuilt in this JVM: its H2 file URL (under a data directory of the caller's), its
 * schema script, a pool as large as its HikariCP pool, Spring-like transactions, its Jackson serializer, and a
 * {@link JdbcEventStorageEngine} configured as Axon's {@code JdbcAutoConfiguration} configures it.
 * <p>
 * HikariCP is not on the harness's class path (its pom is not this measurement's to change), so H2's own
 * {@link JdbcConnectionPool} stands in, with HikariCP's size and connection timeout: both hand out at most that many
 * connections and make the rest wait.
 */
public final class StandaloneEventStorage implements AutoCloseable {

    private static final Pattern WRITE_DELAY_SETTING = Pattern.compile(";WRITE_DELAY=[^;]*", Pattern.CASE_INSENSITIVE);

    private final StandaloneSettings settings;
    private final String jdbcUrl;
    private final JdbcConnectionPool pool;
    private final ThreadBoundJdbcTransactions transactions;
    private final ConnectionProvider connectionProvider;
    private final Serializer serializer;

    private StandaloneEventStorage(StandaloneSettings settings, String jdbcUrl, JdbcConnectionPool pool,
                                   ThreadBoundJdbcTransactions transactions, Serializer serializer) {
        this.settings = settings;
        this.jdbcUrl = jdbcUrl;
        this.pool = pool;
        this.transactions = transactions;
        this.connectionProvider = new UnitOfWorkAwareConnectionProviderWrapper(transactions);
        this.serializer = serializer;
    }

    /** Opens (creating if needed) the standalone's event store in {@code dataDir}, as configured. */
    public static StandaloneEventStorage open(Path dataDir) throws Exception {
        return open(dataDir, Durability.AS_CONFIGURED);
    }

    public static StandaloneEventStorage open(Path dataDir, Durability durability) throws Exception {
        StandaloneSettings settings = StandaloneSettings.load(dataDir);
        String url = settings.jdbcUrl();
        if (!durability.urlSuffix().isEmpty()) {
            url = WRITE_DELAY_SETTING.matcher(url).replaceAll("") + durability.urlSuffix();
        }
        Files.createDirectories(dataDir);
        JdbcConnectionPool pool = JdbcConnectionPool.create(url, settings.username(), settings.password());
        pool.setMaxConnections(settings.maximumPoolSize());
        pool.setLoginTimeout((int) Math.max(1, TimeUnit.MILLISECONDS.toSeconds(settings.connectionTimeoutMillis())));
        try (Connection connection = pool.getConnection();
             PreparedStatement runScript = connection.prepareStatement("RUNSCRIPT FROM ?")) {
            runScript.setString(1, settings.schemaScript().toString());
            runScript.execute();
        } catch (SQLException e) {
            pool.dispose();
            throw e;
        }
        return new StandaloneEventStorage(settings, url, pool,
                new ThreadBoundJdbcTransactions(pool, durability.syncAfterCommit()),
                ProductionSerializer.create(settings));
    }

    /** The storage engine with the defaults of an Axon configuration that has no upcasters or snapshot filters. */
    public JdbcEventStorageEngine storageEngine() {
        return storageEngine(NoOpEventUpcaster.INSTANCE, SnapshotFilter.allowAll());
    }

    /** As {@code JdbcAutoConfiguration#eventStorageEngine} builds it, with the configuration's upcasters and filter. */
    public JdbcEventStorageEngine storageEngine(EventUpcaster upcasterChain, SnapshotFilter snapshotFilter) {
        return JdbcEventStorageEngine.builder()
                .snapshotSerializer(serializer)
                .upcasterChain(upcasterChain)
                .persistenceExceptionResolver(new JdbcSQLErrorCodesResolver())
                .eventSerializer(serializer)
                .snapshotFilter(snapshotFilter)
                .connectionProvider(connectionProvider)
                .transactionManager(transactions)
                .schema(new EventSchema())
                .build();
    }

    /** As {@code AxonAutoConfiguration#eventStore} builds it (no message monitor: Axon's metrics are not on). */
    public static EmbeddedEventStore eventStore(EventStorageEngine storageEngine) {
        return EmbeddedEventStore.builder().storageEngine(storageEngine).build();
    }

    public StandaloneSettings settings() {
        return settings;
    }

    public TransactionManager transactionManager() {
        return transactions;
    }

    public Serializer serializer() {
        return serializer;
    }

    public String jdbcUrl() {
        return jdbcUrl;
    }

    public long count(String sql, String parameter) throws SQLException {
        try (Connection connection = pool.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            if (parameter != null) {
                statement.setString(1, parameter);
            }
            try (ResultSet result = statement.executeQuery()) {
                return result.next() ? result.getLong(1) : 0;
            }
        }
    }

    public long domainEventCount() throws SQLException {
        return count("SELECT COUNT(*) FROM DomainEventEntry", null);
    }

    @Override
    public void close() throws SQLException {
        try (Connection connection = pool.getConnection(); Statement statement = connection.createStatement()) {
            // the last pooled connection to close would close the database too; SHUTDOWN makes it explicit
            statement.execute("SHUTDOWN");
        } finally {
            pool.dispose();
        }
    }
}
