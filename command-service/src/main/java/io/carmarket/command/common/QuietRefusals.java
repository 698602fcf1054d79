package io.carmarket.command.common;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;
import org.axonframework.modelling.command.AbstractRepository;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.slf4j.LoggerFactory;
import org.slf4j.Marker;

/**
 * Keeps refusals out of Axon's repository log. Axon's {@link AbstractRepository} logs every exception thrown while
 * it loads or creates an aggregate at WARN, with its stack trace, and rethrows it. That includes a command to a car
 * that does not exist (any client can send one; answered 404) and a creation the aggregate refuses
 * ({@link RuleViolation}, answered 400 or 409): about 170 log lines for an ordinary answer. Those two are dropped
 * here; every other exception of the repository is still logged as Axon logs it, and reaches the command's caller
 * as before.
 */
public final class QuietRefusals extends TurboFilter {

    private static final String REPOSITORY_LOGGER = AbstractRepository.class.getName();

    /**
     * Adds the filter to Logback's context unless it is there already. Spring Boot resets the context when an
     * application (or a test's application context) initializes its logging, so each one installs it again.
     */
    public static void install() {
        if (LoggerFactory.getILoggerFactory() instanceof LoggerContext logback
                && logback.getTurboFilterList().stream().noneMatch(QuietRefusals.class::isInstance)) {
            QuietRefusals filter = new QuietRefusals();
            filter.setContext(logback);
            filter.start();
            logback.addTurboFilter(filter);
        }
    }

    @Override
    public FilterReply decide(Marker marker, Logger logger, Level level, String format, Object[] params,
                              Throwable thrown) {
        if (logger == null || !REPOSITORY_LOGGER.equals(logger.getName())) {
            return FilterReply.NEUTRAL;
        }
        return isRefusal(thrown != null ? thrown : lastThrowableOf(params)) ? FilterReply.DENY : FilterReply.NEUTRAL;
    }

    static boolean isRefusal(Throwable thrown) {
        return thrown instanceof AggregateNotFoundException || thrown instanceof RuleViolation;
    }

    /** SLF4J passes the exception of {@code log.warn("... {}", id, exception)} as the last argument. */
    private static Throwable lastThrowableOf(Object[] params) {
        return params != null && params.length > 0 && params[params.length - 1] instanceof Throwable last
                ? last : null;
    }
}
