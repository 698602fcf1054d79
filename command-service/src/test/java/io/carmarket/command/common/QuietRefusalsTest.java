package io.carmarket.command.common;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.axonframework.eventsourcing.AggregateDeletedException;
import org.axonframework.modelling.command.AbstractRepository;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import static org.assertj.core.api.Assertions.assertThat;

/** What Axon's repository may still log once {@link QuietRefusals} is installed: its failures, not refusals. */
class QuietRefusalsTest {

    private final Logger repositoryLog = (Logger) LoggerFactory.getLogger(AbstractRepository.class);
    private final ListAppender<ILoggingEvent> logged = new ListAppender<>();

    @BeforeEach
    void listen() {
        QuietRefusals.install();
        logged.start();
        repositoryLog.addAppender(logged);
    }

    @AfterEach
    void stopListening() {
        repositoryLog.detachAppender(logged);
    }

    @Test
    void a_command_to_a_car_that_does_not_exist_is_not_logged_by_the_repository() {
        loadFails(new AggregateNotFoundException("car-1", "The aggregate was not found in the event store"));
        loadFails(new AggregateDeletedException("car-2"));

        assertThat(logged.list).isEmpty();
    }

    @Test
    void a_creation_the_aggregate_refuses_is_not_logged_by_the_repository() {
        repositoryLog.warn("Exception occurred while trying to create an aggregate.",
                RuleViolation.invalid("TOO_MANY_DECIMALS", "EUR has 2 decimals"));

        assertThat(logged.list).isEmpty();
    }

    @Test
    void any_other_failure_to_load_is_logged_at_warn_with_its_stack_trace() {
        loadFails(new IllegalStateException("the event store is gone"));

        assertThat(logged.list).singleElement().satisfies(event -> {
            assertThat(event.getLevel()).hasToString("WARN");
            assertThat(event.getThrowableProxy().getClassName()).isEqualTo(IllegalStateException.class.getName());
            assertThat(event.getThrowableProxy().getStackTraceElementProxyArray()).isNotEmpty();
        });
    }

    @Test
    void installing_twice_adds_one_filter() {
        QuietRefusals.install();

        assertThat(repositoryLog.getLoggerContext().getTurboFilterList())
                .filteredOn(QuietRefusals.class::isInstance).hasSize(1);
    }

    /** As Axon's repository logs it, the aggregate's identifier first and the exception last. */
    private void loadFails(RuntimeException failure) {
        repositoryLog.warn("Exception occurred while trying to load a aggregate with identifier [{}].", "car-1",
                failure);
    }
}
