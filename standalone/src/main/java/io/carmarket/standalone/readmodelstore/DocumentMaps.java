package io.carmarket.standalone.readmodelstore;

import de.bwaldvogel.mongo.bson.Document;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

/**
 * Opens the maps that hold the embedded MongoDB server's documents with {@link DocumentValueType} before
 * mongo-java-server asks for them (H2 hands out a map that is already open as it is).
 */
final class DocumentMaps {

    /** How mongo-java-server's H2 backend names a collection's documents: {@code databases.<database>.<collection>}. */
    static final String PREFIX = "databases.";

    private DocumentMaps() {
    }

    static void openAll(MVStore store, String database) {
        String prefix = PREFIX + database + ".";
        for (String name : store.getMapNames()) {
            if (name.startsWith(prefix)) {
                open(store, name);
            }
        }
    }

    static MVMap<Object, Document> open(MVStore store, String name) {
        return store.openMap(name, new MVMap.Builder<Object, Document>().valueType(new DocumentValueType()));
    }
}
