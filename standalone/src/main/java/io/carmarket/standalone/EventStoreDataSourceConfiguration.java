package io.carmarket.standalone;

import com.zaxxer.hikari.HikariDataSource;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.spring.jdbc.SpringDataSourceConnectionProvider;
import org.springframework.boot.autoconfigure.jdbc.DataSourceProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.datasource.LazyConnectionDataSourceProxy;

/**
 * The event store's connection pool, handed out lazily: a command's transaction starts before the command waits
 * for its car's lock, but it takes a pooled connection only when it first touches the event store (normally the
 * append at commit, the car being cached). Without this, commands queued behind a busy car held every connection
 * while they waited, and the commands of idle cars and the event processors waited for a connection behind them
 * (measured in docs/benchmarks.md).
 * <p>
 * A connection has one owner: the Spring transaction that Axon starts for each unit of work (and for each read of
 * the event store outside one) takes it from the pool and gives it back when it ends.
 */
@Configuration(proxyBeanMethods = false)
class EventStoreDataSourceConfiguration {

    /** Replaces Spring Boot's pool (same {@code spring.datasource.*} settings); the pool closes with the context. */
    @Bean
    LazyEventStoreConnections dataSource(DataSourceProperties properties) {
        return new LazyEventStoreConnections(
                properties.initializeDataSourceBuilder().type(HikariDataSource.class).build());
    }

    /**
     * The event store uses the connection of the current Spring transaction. Axon's default wraps this provider in a
     * {@code UnitOfWorkAwareConnectionProviderWrapper}, which closes the connection once more when the unit of work
     * cleans up, after the transaction has already given it back to the pool, by then perhaps to another thread:
     * that second close clears HikariCP's list of the connection's open statements (not thread-safe, and shared by
     * every borrower of the connection) under the other thread, whose next statement then failed with an
     * {@code ArrayIndexOutOfBoundsException} (docs/benchmarks.md, {@code EventStoreConnectionsTest}).
     */
    @Bean
    ConnectionProvider eventStoreConnectionProvider(LazyEventStoreConnections dataSource) {
        return new SpringDataSourceConnectionProvider(dataSource);
    }

    static final class LazyEventStoreConnections extends LazyConnectionDataSourceProxy implements AutoCloseable {

        private final HikariDataSource pool;

        LazyEventStoreConnections(HikariDataSource pool) {
            super(pool);
            this.pool = pool;
        }

        @Override
        public void close() {
            pool.close();
        }
    }
}
