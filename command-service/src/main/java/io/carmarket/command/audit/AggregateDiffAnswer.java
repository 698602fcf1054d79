package io.carmarket.command.audit;

import java.time.Instant;
import java.util.List;

/**
 * What changed in an aggregate's state between two versions.
 *
 * @param aggregateId   the aggregate
 * @param aggregateType its type
 * @param from          the earlier version
 * @param to            the later version
 * @param changes       the fields that differ ({@link StateDiff}); empty when the states are equal
 * @param events        the events applied after {@code from} up to and including {@code to}
 */
record AggregateDiffAnswer(String aggregateId, String aggregateType, Version from, Version to,
                           List<StateDiff.FieldChange> changes, List<AppliedEvent> events) {

    /** A version: the sequence number of its last event, and when that was stored. */
    record Version(long version, Instant timestamp) {
    }

    /** An event between the two versions. */
    record AppliedEvent(long sequence, String type, Instant timestamp) {
    }
}
