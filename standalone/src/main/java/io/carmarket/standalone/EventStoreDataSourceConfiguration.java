package io.carmarket.standalone;

import com.zaxxer.hikari.HikariDataSource;
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
 */
@Configuration(proxyBeanMethods = false)
class EventStoreDataSourceConfiguration {

    /** Replaces Spring Boot's pool (same {@code spring.datasource.*} settings); the pool closes with the context. */
    @Bean
    LazyEventStoreConnections dataSource(DataSourceProperties properties) {
        return new LazyEventStoreConnections(
                properties.initializeDataSourceBuilder().type(HikariDataSource.class).build());
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
