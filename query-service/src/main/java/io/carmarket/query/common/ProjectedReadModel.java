package io.carmarket.query.common;

import java.util.List;

/**
 * What one projection builds, as a rebuild needs to know it: its processing group, the collections a rebuild
 * writes aside and switches to when it has caught up, and how to declare their indexes (on whichever database the
 * current thread writes to, see {@code io.carmarket.query.projection.ReadModelRouting}).
 */
public interface ProjectedReadModel {

    String processingGroup();

    /**
     * The collections rebuilt aside. Empty when the projection is replayed in place: its users' collection keeps
     * state that is not in the events (read marks of notifications) and is never cleared.
     */
    List<String> rebuiltCollections();

    /** Declares the indexes of its collections; idempotent. */
    void ensureIndexes();
}
