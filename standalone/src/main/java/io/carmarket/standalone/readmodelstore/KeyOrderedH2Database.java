package io.carmarket.standalone.readmodelstore;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import org.h2.mvstore.MVStore;

import java.util.List;

/**
 * An H2 database of the embedded MongoDB server whose new index maps (native key order) and document maps (BSON) are
 * opened before {@link H2Database} opens them by name. The maps that exist when the database opens were opened by
 * {@link KeyOrderedH2Backend} already: this class's field is not yet set while {@link H2Database}'s constructor
 * reopens them.
 */
final class KeyOrderedH2Database extends H2Database {

    private final MVStore store;

    KeyOrderedH2Database(String databaseName, MVStore store, CursorRegistry cursorRegistry) {
        super(databaseName, store, cursorRegistry);
        this.store = store;
    }

    @Override
    protected Index<Object> openOrCreateUniqueIndex(String collectionName, String indexName, List<IndexKey> keys,
                                                    boolean sparse) {
        if (store != null) {
            KeyOrderedIndexMaps.open(store, getFullCollectionNamespace(collectionName)
                    + KeyOrderedIndexMaps.INDEX_MAP_MARKER + indexName);
        }
        return super.openOrCreateUniqueIndex(collectionName, indexName, keys, sparse);
    }

    @Override
    protected MongoCollection<Object> openOrCreateCollection(String collectionName, CollectionOptions options) {
        if (store != null) {
            DocumentMaps.open(store, DocumentMaps.PREFIX + getFullCollectionNamespace(collectionName));
        }
        return super.openOrCreateCollection(collectionName, options);
    }
}
