package io.carmarket.query.projection;

/** What a projection is doing, as the projections list shows it. */
public enum ProjectionState {
    /** Processing new events as they come. */
    RUNNING,
    /** Rebuilding its read model from the first event; readers still see the previous one. */
    REPLAYING,
    /** At least one segment failed on an event and retries it (the projection never skips an event). */
    ERROR,
    /** Its processor is not running on this instance. */
    STOPPED
}
