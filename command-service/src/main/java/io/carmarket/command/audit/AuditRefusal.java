package io.carmarket.command.audit;

import java.time.Instant;
import java.util.Map;

/** Why an audit question has no answer: answered as a problem with {@link #code()} and {@link #details()}. */
class AuditRefusal extends RuntimeException {

    enum Kind { NOT_FOUND, NOT_IMPLEMENTED }

    private final Kind kind;
    private final String code;
    private final Map<String, Object> details;

    private AuditRefusal(Kind kind, String code, String message, Map<String, Object> details) {
        super(message);
        this.kind = kind;
        this.code = code;
        this.details = details;
    }

    static AuditRefusal unknownAggregate(String aggregateId) {
        return new AuditRefusal(Kind.NOT_FOUND, "AGGREGATE_NOT_FOUND", "No aggregate " + aggregateId
                + " in the event store", Map.of());
    }

    static AuditRefusal versionNotFound(long requested, long lastVersion) {
        return new AuditRefusal(Kind.NOT_FOUND, "VERSION_NOT_FOUND", "The aggregate has no version " + requested
                + "; its last version is " + lastVersion, Map.of("lastVersion", lastVersion));
    }

    static AuditRefusal notYetCreated(Instant at, Instant createdAt) {
        return new AuditRefusal(Kind.NOT_FOUND, "AGGREGATE_NOT_YET_CREATED", "The aggregate did not exist at " + at
                + "; it was created at " + createdAt, Map.of("createdAt", createdAt.toString()));
    }

    static AuditRefusal noStateView(String aggregateType) {
        return new AuditRefusal(Kind.NOT_IMPLEMENTED, "STATE_VIEW_NOT_IMPLEMENTED", "Aggregates of type "
                + aggregateType + " have no audited state view; their history is still available",
                Map.of("aggregateType", aggregateType));
    }

    Kind kind() {
        return kind;
    }

    String code() {
        return code;
    }

    Map<String, Object> details() {
        return details;
    }
}
