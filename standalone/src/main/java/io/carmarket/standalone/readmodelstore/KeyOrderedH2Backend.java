package io.carmarket.standalone.readmodelstore;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.bson.Document;
import io.netty.channel.Channel;
import org.h2.mvstore.MVStore;

import java.util.Locale;
import java.util.Set;

/**
 * mongo-java-server's H2 backend with unique indexes that compare their keys natively ({@link IndexKeyType}) and
 * documents stored as BSON ({@link DocumentValueType}). A data directory written before opens unchanged, apart from
 * a one-time reordering of its index maps; its documents are read as they were stored and move to BSON when written.
 * <p>
 * A write is committed to the store's file before it is answered, so what the server acknowledged survives a killed
 * process (docs/architecture.md D35). H2 otherwise commits from a background thread about once a second, and a
 * {@code kill -9} lost the last second of acknowledged writes: accounts, revoked sessions, idempotency records,
 * order-number counters, deadlines. Concurrent writers share commits: a commit writes every change made so far.
 */
public final class KeyOrderedH2Backend extends H2Backend {

    /** The commands that change data (as the driver names them); reads and server commands are not committed. */
    private static final Set<String> WRITE_COMMANDS = Set.of("insert", "update", "delete", "findandmodify",
            "create", "createindexes", "drop", "dropindexes", "dropdatabase", "renamecollection");

    public KeyOrderedH2Backend(MVStore store) {
        super(store);
    }

    @Override
    public Document handleCommand(Channel channel, String databaseName, String command, Document query) {
        Document response = super.handleCommand(channel, databaseName, command, query);
        if (WRITE_COMMANDS.contains(command.toLowerCase(Locale.ROOT))) {
            commit();
        }
        return response;
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
