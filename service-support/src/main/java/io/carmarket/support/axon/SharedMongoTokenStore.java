package io.carmarket.support.axon;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.MongoServerException;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.UnableToRetrieveIdentifierException;
import org.axonframework.extensions.mongo.MongoTemplate;
import org.axonframework.extensions.mongo.eventsourcing.tokenstore.MongoTokenStore;
import org.axonframework.serialization.Serializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Optional;

/**
 * Axon's {@link MongoTokenStore} for a database that several service instances, started at the same moment, share.
 * <p>
 * The store creates two kinds of entries with a read followed by an insert: its configuration entry (processor
 * {@code __config}, holding the storage identifier every instance must agree on) at the first
 * {@link #retrieveStorageIdentifier()}, and a processor's segments at its first start. Against an empty database two
 * instances can both read nothing and both insert; the unique index on {@code {processorName, segment}} refuses the
 * later insert with E11000. The loser of that race finds here what the winner wrote: it reads the identifier again,
 * and takes the segments as initialized. Any other failure is passed on unchanged.
 */
public final class SharedMongoTokenStore extends ForwardingTokenStore {

    private static final Logger log = LoggerFactory.getLogger(SharedMongoTokenStore.class);

    SharedMongoTokenStore(TokenStore delegate) {
        super(delegate);
    }

    /**
     * A MongoTokenStore on the template's {@code trackingtokens} collection; its unique index is created here.
     *
     * @param claimTimeout how long a claim lasts unless its owner extends it: the failover time of a dead instance
     */
    public static SharedMongoTokenStore on(MongoTemplate mongoTemplate, Serializer serializer, Duration claimTimeout) {
        return new SharedMongoTokenStore(MongoTokenStore.builder()
                .mongoTemplate(mongoTemplate)
                .serializer(serializer)
                .claimTimeout(claimTimeout)
                .build());
    }

    @Override
    public Optional<String> retrieveStorageIdentifier() {
        try {
            return delegate.retrieveStorageIdentifier();
        } catch (UnableToRetrieveIdentifierException failure) {
            if (!isDuplicateKey(failure)) {
                throw failure;
            }
            log.debug("Another instance created the token store's identifier at the same moment; reading it");
            return delegate.retrieveStorageIdentifier();
        }
    }

    @Override
    public void initializeTokenSegments(String processorName, int segmentCount) {
        initializeTokenSegments(processorName, segmentCount, null);
    }

    @Override
    public void initializeTokenSegments(String processorName, int segmentCount, TrackingToken initialToken) {
        try {
            delegate.initializeTokenSegments(processorName, segmentCount, initialToken);
        } catch (MongoBulkWriteException failure) {
            if (!failure.getWriteErrors().stream()
                    .allMatch(error -> ErrorCategory.fromErrorCode(error.getCode()) == ErrorCategory.DUPLICATE_KEY)) {
                throw failure;
            }
            // Axon would log this with a stack trace and try again a second later, to find the segments there.
            log.debug("Another instance initialized the segments of {} at the same moment", processorName);
        }
    }

    private static boolean isDuplicateKey(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof MongoServerException server
                    && ErrorCategory.fromErrorCode(server.getCode()) == ErrorCategory.DUPLICATE_KEY) {
                return true;
            }
        }
        return false;
    }
}
