package io.carmarket.command.common;

import io.carmarket.api.rejection.CommandRejection;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.unitofwork.RollbackConfiguration;
import org.axonframework.modelling.command.AggregateLifecycle;

import java.util.Objects;

/**
 * A refused command leaves its aggregate exactly as it was, so its unit of work is committed, not rolled back
 * (docs/architecture.md D37). A rollback would make Axon's caching repository drop the aggregate, and the next command
 * of a busy car would rebuild it from the event store: under the booking load every conflicting booking (409) did
 * that, a sixth of the request threads' CPU (docs/benchmarks.md, issue 12).
 * <p>
 * Two halves keep that safe. Every aggregate's command handler interceptor calls {@link #proceed}: a
 * {@link RuleViolation} thrown after the handler applied an event is turned into an error, which rolls back as any
 * other. The command bus uses {@link #ROLLBACK_UNLESS_REFUSED}: it commits only a refusal (the rejection that
 * {@link RejectionTranslatingInterceptor} made of a {@code RuleViolation} or of a missing aggregate), with nothing
 * applied and so nothing to commit.
 */
public final class RefusalsChangeNothing {

    /** Rolls back on every failure except a refusal. */
    public static final RollbackConfiguration ROLLBACK_UNLESS_REFUSED = failure -> !isRefusal(failure);

    private RefusalsChangeNothing() {
    }

    /**
     * Runs the aggregate's command handler; a refusal after an applied event becomes an {@link IllegalStateException}
     * (a bug in the handler: it must decide before it applies).
     */
    public static Object proceed(InterceptorChain handler) throws Exception {
        Long versionBefore = AggregateLifecycle.getVersion();
        try {
            return handler.proceed();
        } catch (RuleViolation refusal) {
            if (!Objects.equals(versionBefore, AggregateLifecycle.getVersion())) {
                throw new IllegalStateException("A command handler refused after it applied an event; "
                        + "it must decide before it applies", refusal);
            }
            throw refusal;
        }
    }

    private static boolean isRefusal(Throwable failure) {
        return failure instanceof CommandExecutionException rejected
                && rejected.getDetails().filter(CommandRejection.class::isInstance).isPresent();
    }
}
