package io.carmarket.standalone.readmodelstore;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import org.h2.mvstore.MVStore;

/**
 * mongo-java-server's H2 backend with unique indexes that compare their keys natively ({@link IndexKeyType}) and
 * documents stored as BSON ({@link DocumentValueType}). A data directory written before opens unchanged, apart from
 * a one-time reordering of its index maps; its documents are read as they were stored and move to BSON when written.
 */
public final class KeyOrderedH2Backend extends H2Backend {

    public KeyOrderedH2Backend(MVStore store) {
        super(store);
    }

    /** Called from H2Backend's constructor too (for the databases found in the store), before this class's fields. */
    @Override
    protected MongoDatabase openOrCreateDatabase(String databaseName) {
        MVStore store = getMvStore();
        KeyOrderedIndexMaps.openAll(store, databaseName);
        DocumentMaps.openAll(store, databaseName);
        return new KeyOrderedH2Database(databaseName, store, getCursorRegistry());
    }
}
