package io.carmarket.command.common;

/** Metadata keys every command and event carries, so that an auditor can tell who did what, and why. */
public final class MessageMetadata {

    /** The acting user's id; {@value #SYSTEM_USER} for what the system does by itself. */
    public static final String USER_ID = "userId";
    public static final String USER_ROLE = "userRole";
    /** Shared by everything one client request caused, across services (the {@code X-Correlation-Id}). */
    public static final String CORRELATION_ID = "correlationId";
    /** The id of the message that directly caused this one. */
    public static final String CAUSATION_ID = "causationId";
    public static final String SYSTEM_USER = "system";

    private MessageMetadata() {
    }
}
