package io.carmarket.query.dashboard;

import io.carmarket.support.web.UnavailableProblems;

/**
 * The data of a stream's {@value DashboardStreams#DEGRADED} event: the dashboard shown is the state when the stream
 * started (or when the pause began), and no change will follow until the stream ends and the client reconnects.
 *
 * @param liveUpdates always {@value #PAUSED}
 * @param code        why, as a stable code: {@value UnavailableProblems#EVENT_STORE_UNAVAILABLE} (Axon Server cannot
 *                    be reached), as in the 503 problems of docs/api.md
 * @param detail      the same, for people
 */
record LiveUpdatesPaused(String liveUpdates, String code, String detail) {

    static final String PAUSED = "PAUSED";

    static LiveUpdatesPaused eventStoreUnavailable() {
        return new LiveUpdatesPaused(PAUSED, UnavailableProblems.EVENT_STORE_UNAVAILABLE, "Live updates are paused "
                + "while the event store cannot be reached; this stream ends when they resume, and a reconnect gets "
                + "the current state");
    }
}
