package io.carmarket.query.projection;

import java.time.Instant;

/**
 * One projection's progress, as the projections list and the metrics show it.
 *
 * @param name                       the processing group
 * @param state                      what it is doing
 * @param position                   the global index of the last event it processed (the slowest segment's); null
 *                                   before its first event
 * @param head                       the global index of the newest event in the store; null while it is empty
 * @param progressPercent            how far it is between the first event and the head; exactly 100 when caught up
 * @param eventsPerSecond            events processed per second, over the last seconds
 * @param estimatedSecondsRemaining  while replaying, the time to reach the head at that rate; null otherwise
 * @param segments                   segments processed on this instance
 * @param replay                     the rebuild under way, if any
 * @param deadLetters                events parked in its dead-letter queue (their aggregates' later events included)
 * @param lastError                  the last failure seen (a failing segment or a parked event), with when; null
 *                                   if none since start
 * @param rebuiltAside               whether a replay rebuilds it aside (true) or in place (false)
 */
public record ProjectionProgress(String name, ProjectionState state, Long position, Long head,
                                 double progressPercent, double eventsPerSecond, Long estimatedSecondsRemaining,
                                 int segments, Replay replay, long deadLetters, LastError lastError,
                                 boolean rebuiltAside) {

    /** A rebuild under way: when and by whom it was started. */
    public record Replay(Instant startedAt, String requestedBy) {
    }

    /** The last failure a segment reported: the exception's type and message, never its stack trace. */
    public record LastError(String message, Instant at) {
    }
}
