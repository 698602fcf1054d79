package io.carmarket.benchmark.eventstore;

import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.jdbc.ConnectionWrapperFactory;
import org.axonframework.common.transaction.Transaction;
import org.axonframework.common.transaction.TransactionManager;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * JDBC transactions as the standalone gets them from Spring, without spring-jdbc (not on the harness's class path):
 * a transaction takes a pooled connection, switches auto-commit off and binds the connection to the thread; every
 * {@link #getConnection()} inside it returns that connection (close and commit by Axon are no-ops, as with
 * {@code SpringDataSourceConnectionProvider}); a nested transaction joins the outer one (Spring's default
 * propagation); the outer commit commits and returns the connection to the pool. Outside a transaction a plain
 * auto-commit connection is handed out.
 * <p>
 * {@code syncAfterCommit} adds H2's {@code CHECKPOINT SYNC} after each commit: not something the standalone does,
 * but the way to measure what a commit that reaches the disk (fsync) would cost on H2.
 */
final class ThreadBoundJdbcTransactions implements TransactionManager, ConnectionProvider {

    private static final String H2_WRITE_AND_FSYNC = "CHECKPOINT SYNC";

    private final DataSource dataSource;
    private final boolean syncAfterCommit;
    private final ThreadLocal<Connection> bound = new ThreadLocal<>();
    private final ConnectionWrapperFactory.ConnectionCloseHandler transactional =
            new ConnectionWrapperFactory.ConnectionCloseHandler() {
                @Override
                public void close(Connection delegate) {
                    // released by the transaction
                }

                @Override
                public void commit(Connection connection) {
                    // committed by the transaction
                }
            };

    ThreadBoundJdbcTransactions(DataSource dataSource, boolean syncAfterCommit) {
        this.dataSource = dataSource;
        this.syncAfterCommit = syncAfterCommit;
    }

    @Override
    public Transaction startTransaction() {
        if (bound.get() != null) {
            return JOINED;
        }
        Connection connection;
        try {
            connection = dataSource.getConnection();
            connection.setAutoCommit(false);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot begin a JDBC transaction", e);
        }
        bound.set(connection);
        return new Transaction() {
            @Override
            public void commit() {
                try {
                    connection.commit();
                    if (syncAfterCommit) {
                        try (Statement statement = connection.createStatement()) {
                            statement.execute(H2_WRITE_AND_FSYNC);
                        }
                    }
                } catch (SQLException e) {
                    throw new IllegalStateException("commit failed", e);
                } finally {
                    release(connection);
                }
            }

            @Override
            public void rollback() {
                try {
                    connection.rollback();
                } catch (SQLException e) {
                    throw new IllegalStateException("rollback failed", e);
                } finally {
                    release(connection);
                }
            }
        };
    }

    @Override
    public Connection getConnection() throws SQLException {
        Connection connection = bound.get();
        return connection != null ? ConnectionWrapperFactory.wrap(connection, transactional)
                : dataSource.getConnection();
    }

    private void release(Connection connection) {
        bound.remove();
        try {
            connection.setAutoCommit(true);
            connection.close();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot return the connection to the pool", e);
        }
    }

    private static final Transaction JOINED = new Transaction() {
        @Override
        public void commit() {
            // the outer transaction commits
        }

        @Override
        public void rollback() {
            // the outer transaction rolls back
        }
    };
}
