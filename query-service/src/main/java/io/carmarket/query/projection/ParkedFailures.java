package io.carmarket.query.projection;

import io.carmarket.query.projection.ProjectionProgress.LastError;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The last failure that parked an event, per projection, for the projections list (it has no stack trace). */
@Component
public class ParkedFailures {

    private final Clock clock = Clock.systemUTC();
    private final Map<String, LastError> lastByGroup = new ConcurrentHashMap<>();

    void record(String group, Throwable failure) {
        lastByGroup.put(group, new LastError(failure.getClass().getSimpleName() + ": " + failure.getMessage(),
                clock.instant()));
    }

    Optional<LastError> lastOf(String group) {
        return Optional.ofNullable(lastByGroup.get(group));
    }
}
