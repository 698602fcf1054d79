package io.carmarket.api.rejection;

import java.util.Map;

/**
 * Why the write side refused a command. It travels as the details of an Axon
 * {@code CommandExecutionException}, so a caller in another JVM (through Axon Server) receives the same
 * business reason as a caller in the same JVM, and the REST layer can turn it into the right status.
 *
 * @param kind    the category that decides the HTTP status
 * @param code    a stable, machine-readable reason such as {@code BOOKING_OVERLAP}
 * @param message a human-readable sentence
 * @param details facts that name the conflict, e.g. the conflicting dates
 */
public record CommandRejection(Kind kind, String code, String message, Map<String, String> details) {

    public enum Kind {
        /** The addressed car, booking or other resource does not exist. */
        NOT_FOUND,
        /** The command contradicts the current state: overlap, wrong state, duplicate. */
        CONFLICT,
        /** The command itself is invalid whatever the state: bad dates, non-positive price. */
        INVALID,
        /** The actor may see the resource but not do this to it, e.g. a dealer changing another dealer's car. */
        FORBIDDEN
    }

    public CommandRejection {
        details = details == null ? Map.of() : Map.copyOf(details);
    }
}
