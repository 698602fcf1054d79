package io.carmarket.standalone.readmodelstore;

import de.bwaldvogel.mongo.backend.KeyValue;
import org.h2.mvstore.Cursor;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.type.DataType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Objects;
import java.util.Set;

/**
 * Opens the maps of the embedded MongoDB server's unique indexes with {@link IndexKeyType} before mongo-java-server
 * asks for them (H2 hands out a map that is already open as it is), and brings an index written in the old key order
 * into the new one.
 * <p>
 * An index in the old order is copied into a new map and renamed over the old one, so a crash in between leaves
 * either the old index or the complete copy, never a partial index: a leftover copy is discarded while the old map
 * still exists, and renamed into its place when it does not.
 */
final class KeyOrderedIndexMaps {

    private static final Logger log = LoggerFactory.getLogger(KeyOrderedIndexMaps.class);

    /** How mongo-java-server's H2 backend names an index map: {@code <database>.<collection>._index_<index>}. */
    static final String INDEX_MAP_MARKER = "._index_";
    private static final String REORDERED_SUFFIX = ".reordered";

    private KeyOrderedIndexMaps() {
    }

    /** Opens every index map of {@code database} in the native order, reordering those written in the old one. */
    static void openAll(MVStore store, String database) {
        String prefix = database + ".";
        for (String name : Set.copyOf(store.getMapNames())) {
            if (name.startsWith(prefix) && name.contains(INDEX_MAP_MARKER)) {
                if (name.endsWith(REORDERED_SUFFIX)) {
                    finishInterruptedReordering(store, name);
                } else {
                    open(store, name);
                }
            }
        }
    }

    /** Opens one index map in the native order (creating it if it does not exist yet). */
    static MVMap<KeyValue, Object> open(MVStore store, String name) {
        MVMap<KeyValue, Object> map = store.openMap(name, builder());
        if (isInKeyOrder(map)) {
            return map;
        }
        return reorder(store, map, name);
    }

    private static MVMap<KeyValue, Object> reorder(MVStore store, MVMap<KeyValue, Object> map, String name) {
        log.info("Rebuilding the index map {} ({} keys) in the native key order", name, map.sizeAsLong());
        String copyName = name + REORDERED_SUFFIX;
        if (store.hasMap(copyName)) {
            store.removeMap(copyName);
        }
        MVMap<KeyValue, Object> copy = store.openMap(copyName, builder());
        Cursor<KeyValue, Object> entries = map.cursor(null);
        while (entries.hasNext()) {
            KeyValue key = entries.next();
            copy.put(key, entries.getValue());
        }
        store.commit();
        store.removeMap(map);
        store.renameMap(copy, name);
        store.commit();
        return copy;
    }

    private static void finishInterruptedReordering(MVStore store, String copyName) {
        String name = copyName.substring(0, copyName.length() - REORDERED_SUFFIX.length());
        if (store.hasMap(name)) {
            store.removeMap(copyName);
        } else {
            MVMap<KeyValue, Object> copy = store.openMap(copyName, builder());
            store.renameMap(copy, name);
        }
        store.commit();
        open(store, name);
    }

    /** Whether the stored keys ascend in the native order, which binary searches over the map rely on. */
    private static boolean isInKeyOrder(MVMap<KeyValue, Object> map) {
        DataType<KeyValue> order = map.getKeyType();
        KeyValue previous = null;
        Cursor<KeyValue, Object> keys = map.cursor(null);
        while (keys.hasNext()) {
            KeyValue key = keys.next();
            if (previous != null && order.compare(previous, key) >= 0) {
                return false;
            }
            previous = Objects.requireNonNull(key);
        }
        return true;
    }

    private static MVMap.Builder<KeyValue, Object> builder() {
        return new MVMap.Builder<KeyValue, Object>().keyType(new IndexKeyType());
    }
}
