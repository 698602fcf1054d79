package io.carmarket.command.common;

import io.carmarket.api.rejection.CommandRejection;
import io.carmarket.api.rejection.CommandRejection.Kind;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CommandHandlerInterceptor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A refusal is committed, not rolled back, only because it changes nothing: a refusal after an applied event is an
 * error (rolled back), and only refusals escape the rollback.
 */
class RefusalsChangeNothingTest {

    private final AggregateTestFixture<Counter> fixture = new AggregateTestFixture<>(Counter.class);

    @Test
    void a_refusal_before_any_event_reaches_the_caller_as_the_refusal() {
        fixture.given(new Counted("counter-1"))
                .when(new Count("counter-1", Refusal.BEFORE_COUNTING))
                .expectNoEvents()
                .expectException(RuleViolation.class);
    }

    @Test
    void a_refusal_after_an_applied_event_is_an_error() {
        fixture.given(new Counted("counter-1"))
                .when(new Count("counter-1", Refusal.AFTER_COUNTING))
                .expectException(IllegalStateException.class)
                .expectExceptionMessage("A command handler refused after it applied an event; "
                        + "it must decide before it applies");
    }

    @Test
    void a_command_that_is_not_refused_applies_its_events() {
        fixture.given(new Counted("counter-1"))
                .when(new Count("counter-1", Refusal.NONE))
                .expectEvents(new Counted("counter-1"));
    }

    @Test
    void the_unit_of_work_of_a_refusal_is_committed() {
        CommandRejection rejection = new CommandRejection(Kind.CONFLICT, "BOOKING_OVERLAP", "overlaps", Map.of());

        assertThat(RefusalsChangeNothing.ROLLBACK_UNLESS_REFUSED.rollBackOn(
                new CommandExecutionException("overlaps", null, rejection))).isFalse();
    }

    @Test
    void every_other_failure_is_rolled_back() {
        assertThat(RefusalsChangeNothing.ROLLBACK_UNLESS_REFUSED.rollBackOn(
                new CommandExecutionException("failed", new IllegalStateException(), "no rejection"))).isTrue();
        assertThat(RefusalsChangeNothing.ROLLBACK_UNLESS_REFUSED.rollBackOn(new IllegalStateException())).isTrue();
        assertThat(RefusalsChangeNothing.ROLLBACK_UNLESS_REFUSED.rollBackOn(new OutOfMemoryError())).isTrue();
    }

    enum Refusal { NONE, BEFORE_COUNTING, AFTER_COUNTING }

    record Count(@TargetAggregateIdentifier String counterId, Refusal refusal) {
    }

    record Counted(String counterId) {
    }

    /** Counts, refusing before or (wrongly) after counting as the command asks. */
    static class Counter {

        @AggregateIdentifier
        private String counterId;

        Counter() {
        }

        @CommandHandlerInterceptor
        Object refuseOnlyBeforeAnyChange(InterceptorChain handler) throws Exception {
            return RefusalsChangeNothing.proceed(handler);
        }

        @CommandHandler
        void handle(Count command) {
            if (command.refusal() == Refusal.BEFORE_COUNTING) {
                throw RuleViolation.conflict("NOT_COUNTED", "Refused before counting");
            }
            apply(new Counted(counterId));
            if (command.refusal() == Refusal.AFTER_COUNTING) {
                throw RuleViolation.conflict("NOT_COUNTED", "Refused after counting");
            }
        }

        @EventSourcingHandler
        void on(Counted event) {
            counterId = event.counterId();
        }
    }
}
