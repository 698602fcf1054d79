package io.carmarket.command.audit;

/**
 * An aggregate that shows its state to an auditor. The audit API rebuilds the aggregate from its events with its
 * own event sourcing handlers and answers with this view of it, so the view must be a documented, stable shape:
 * an immutable record, not the aggregate's private fields (which may change with the rules).
 * <p>
 * Every aggregate implements it; an aggregate that does not still has its history, but its state and diffs are
 * answered 501 ({@code STATE_VIEW_NOT_IMPLEMENTED}).
 */
public interface AuditedAggregate {

    /** The aggregate's state as it is now, as an immutable record; reading it changes nothing. */
    Record state();
}
