package io.carmarket.benchmark.eventstore;

/**
 * How far a commit of the embedded H2 event store gets before it returns. H2 2.x (MVStore) writes committed
 * changes to its file from a background thread at most {@code WRITE_DELAY} ms later (default 500 ms) unless the
 * delay is 0, and calls fsync only on close, compaction or {@code CHECKPOINT SYNC}, never on commit.
 */
public enum Durability {

    /** The standalone's URL exactly as configured. */
    AS_CONFIGURED("as configured", "", false),
    /** The commit writes to the file (the OS page cache) before returning: survives a killed process. */
    WRITE_DELAY_0("WRITE_DELAY=0", ";WRITE_DELAY=0", false),
    /** Also {@code CHECKPOINT SYNC} (write + fsync) after every commit: survives a power loss. */
    FSYNC_EACH_COMMIT("WRITE_DELAY=0 + CHECKPOINT SYNC per commit", ";WRITE_DELAY=0", true);

    private final String label;
    private final String urlSuffix;
    private final boolean syncAfterCommit;

    Durability(String label, String urlSuffix, boolean syncAfterCommit) {
        this.label = label;
        this.urlSuffix = urlSuffix;
        this.syncAfterCommit = syncAfterCommit;
    }

    public String label() {
        return label;
    }

    String urlSuffix() {
        return urlSuffix;
    }

    boolean syncAfterCommit() {
        return syncAfterCommit;
    }
}
