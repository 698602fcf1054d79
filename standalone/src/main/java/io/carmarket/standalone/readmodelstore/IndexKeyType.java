package io.carmarket.standalone.readmodelstore;

import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.bson.ObjectId;
import org.h2.mvstore.type.ObjectDataType;

import java.time.Instant;
import java.util.Date;
import java.util.Set;
import java.util.UUID;

/**
 * The key type of the embedded MongoDB server's unique indexes: stored exactly as H2's {@link ObjectDataType} stores
 * them (Java serialization), but compared field by field instead of by their serialized bytes.
 * <p>
 * mongo-java-server keeps each unique index in an H2 map keyed by its {@link KeyValue}, which is not
 * {@link Comparable}; H2 then compares two keys by serializing both, and estimates each key at 10 kB. Every lookup
 * by {@code _id} or {@code {_id, version}} serialized a few dozen keys, and the index pages held a handful of keys each:
 * most of the server's CPU under load (docs/benchmarks.md, measurement 8).
 * <p>
 * Two keys compare equal exactly when their serialized forms are equal, as before: values of the same class among
 * {@link #NATURALLY_ORDERED} compare by their natural order (consistent with {@code equals} for these classes), values
 * of different classes by class name, anything else by its serialized bytes. Only the order of the keys changes,
 * which is why an index written with the old order is rebuilt once when it is opened ({@link KeyOrderedIndexMaps}).
 */
final class IndexKeyType extends ObjectDataType {

    /** Final classes (or compared only with their own exact class) whose natural order agrees with equals. */
    private static final Set<Class<?>> NATURALLY_ORDERED = Set.of(String.class, Double.class, Long.class,
            Integer.class, Boolean.class, UUID.class, Instant.class, Date.class, ObjectId.class);

    /** A rough in-memory size of one key element, for H2's page sizing; the default guess is 10 kB per key. */
    private static final int ESTIMATED_BYTES_PER_ELEMENT = 48;

    @Override
    public int compare(Object a, Object b) {
        if (a instanceof KeyValue left && b instanceof KeyValue right) {
            return compareKeys(left, right);
        }
        return super.compare(a, b);
    }

    @Override
    public int getMemory(Object obj) {
        if (obj instanceof KeyValue key) {
            return ESTIMATED_BYTES_PER_ELEMENT * (1 + key.size());
        }
        return super.getMemory(obj);
    }

    private int compareKeys(KeyValue left, KeyValue right) {
        int common = Math.min(left.size(), right.size());
        for (int i = 0; i < common; i++) {
            int order = compareElements(left.get(i), right.get(i));
            if (order != 0) {
                return order;
            }
        }
        return Integer.compare(left.size(), right.size());
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private int compareElements(Object a, Object b) {
        if (a == b) {
            return 0;
        }
        if (a == null || b == null) {
            return a == null ? -1 : 1;
        }
        Class<?> type = a.getClass();
        if (type != b.getClass()) {
            return type.getName().compareTo(b.getClass().getName());
        }
        if (NATURALLY_ORDERED.contains(type)) {
            return ((Comparable) a).compareTo(b);
        }
        return super.compare(a, b);
    }
}
