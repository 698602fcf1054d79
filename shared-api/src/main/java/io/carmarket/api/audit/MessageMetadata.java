package io.carmarket.api.audit;

/**
 * Metadata keys every command and event carries, so that an auditor can tell who did what, and why. The write side
 * stamps them; the audit API shows them as stored.
 */
public final class MessageMetadata {

    /** The acting user's id; {@value #SYSTEM_USER} for what the system does by itself. */
    public static final String USER_ID = "userId";
    public static final String USER_ROLE = "userRole";
    /** Shared by everything one client request caused, across services (the {@code X-Correlation-Id}). */
    public static final String CORRELATION_ID = "correlationId";
    /** The id of the message that directly caused this one: for an event, the command that decided it. */
    public static final String CAUSATION_ID = "causationId";
    /** On an event: the simple name of the command that decided it. */
    public static final String COMMAND_NAME = "commandName";
    /**
     * The event a process (the negotiation saga) reacted to when it sent a command; carried by that command and by
     * the events it causes. Absent when a person's request sent the command.
     */
    public static final String TRIGGERING_EVENT_ID = "triggeringEventId";
    public static final String SYSTEM_USER = "system";

    private MessageMetadata() {
    }
}
