package io.carmarket.standalone;

import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The event store's pooled connections have one owner at a time. HikariCP keeps a connection's open statements in a
 * list that every borrower of that connection shares and that is not thread-safe, so a command that still touches its
 * connection after the pool has handed it to another thread corrupts that thread's list: the rare
 * {@code ArrayIndexOutOfBoundsException} in {@code FastList} under booking load (docs/benchmarks.md).
 */
@StandaloneSystemTest(properties = "spring.datasource.hikari.maximum-pool-size=1")
class EventStoreConnectionsTest {

    @Autowired
    EventStore eventStore;

    @Autowired
    TransactionManager transactionManager;

    @Autowired
    DataSource dataSource;

    /** Another command's thread; with a pool of one connection it can only get the one the first command used. */
    private final ExecutorService nextCommand = Executors.newSingleThreadExecutor();

    private Connection nextConnection;
    private Statement nextStatement;

    @AfterEach
    void stopNextCommand() {
        nextCommand.shutdownNow();
    }

    @Test
    void a_command_does_not_touch_its_connection_once_the_pool_has_handed_it_to_another_thread() {
        UnitOfWork<?> command = DefaultUnitOfWork.startAndGet(new GenericCommandMessage<>("load a car"));
        command.attachTransaction(transactionManager);
        // Between the commit of the command's transaction, which returns the connection to the pool, and the end of
        // its unit of work, the next command takes that connection and opens a statement on it.
        command.afterCommit(committed -> onNextCommand(this::openStatement));
        command.execute(() -> eventStore.readEvents(UUID.randomUUID().toString()).asStream().count());

        onNextCommand(this::closeConnection);

        assertThat(onNextCommand(() -> nextStatement.isClosed()))
                .as("the next command's statement is still tracked by its connection and closed with it")
                .isTrue();
    }

    private Statement openStatement() throws SQLException {
        nextConnection = dataSource.getConnection();
        nextStatement = nextConnection.createStatement();
        return nextStatement;
    }

    private Connection closeConnection() throws SQLException {
        nextConnection.close();
        return nextConnection;
    }

    private <T> T onNextCommand(JdbcWork<T> work) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return work.run();
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }, nextCommand).join();
    }

    @FunctionalInterface
    private interface JdbcWork<T> {
        T run() throws SQLException;
    }
}
