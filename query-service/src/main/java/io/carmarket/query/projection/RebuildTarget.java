package io.carmarket.query.projection;

import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Where the current thread's writes to one projection's collections go while that projection is rebuilt: set around
 * each batch of a rebuilding processor (by {@link ReadModelRouting}'s transaction manager) and around the
 * declaration of the rebuild's indexes. Every other thread, request threads included, uses the live read models.
 *
 * @param collections the rebuilt projection's collections
 * @param database    the database the rebuild writes them to
 */
record RebuildTarget(Set<String> collections, String database) {

    private static final ThreadLocal<RebuildTarget> CURRENT = new ThreadLocal<>();

    static Optional<String> databaseFor(String collection) {
        RebuildTarget target = CURRENT.get();
        return target != null && target.collections().contains(collection)
                ? Optional.of(target.database()) : Optional.empty();
    }

    /** Routes this thread to this target until the returned scope is closed; scopes nest. */
    Scope enter() {
        RebuildTarget previous = CURRENT.get();
        CURRENT.set(this);
        return () -> {
            if (previous == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(previous);
            }
        };
    }

    <T> T within(Supplier<T> work) {
        try (Scope ignored = enter()) {
            return work.get();
        }
    }

    interface Scope extends AutoCloseable {
        @Override
        void close();
    }
}
