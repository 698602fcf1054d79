package io.carmarket.query.projection;

import io.carmarket.query.common.ProjectedReadModel;
import jakarta.annotation.PostConstruct;
import org.axonframework.common.transaction.Transaction;
import org.axonframework.common.transaction.TransactionManager;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.ReplaceOptions;
import org.bson.Document;
import org.springframework.data.mongodb.MongoDatabaseFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Where each projection's read model lives and where its writes go. A read model starts in the configured database;
 * a rebuild writes a new one into a database of its own (one generation further), which becomes the read model's
 * home when the rebuild has caught up ({@link ProjectionRebuilds}). Homes are kept in {@value #COLLECTION}, so a
 * restart finds each read model where its last rebuild left it.
 * <p>
 * Writes are routed per batch: every query-side processor runs its batches in the {@link TransactionManager} of
 * {@link #transactionManagerFor}, which starts no database transaction (the projections are idempotent instead,
 * docs/architecture.md D25) and sends the batch's writes to the rebuild while its group is being rebuilt. A group
 * changes between live and rebuild only while its processor is stopped.
 */
@Component
public class ReadModelRouting {

    static final String COLLECTION = "read_model_homes";
    private static final String DATABASE = "database";
    private static final String GENERATION = "generation";
    private static final String RETIRED = "retired";
    private static final String RETIRED_AT = "retiredAt";
    private static final Transaction NO_TRANSACTION = new Transaction() {
        @Override
        public void commit() {
        }

        @Override
        public void rollback() {
        }
    };

    private final MongoTemplate mongoTemplate;
    private final RoutingDatabaseFactory databases;
    private final Map<String, Set<String>> collectionsByGroup;
    private final Set<String> rebuilding = ConcurrentHashMap.newKeySet();
    private final Map<String, Integer> generations = new ConcurrentHashMap<>();

    public ReadModelRouting(MongoTemplate mongoTemplate, MongoDatabaseFactory databaseFactory,
                            List<ProjectedReadModel> readModels) {
        this.mongoTemplate = mongoTemplate;
        this.databases = (RoutingDatabaseFactory) databaseFactory;
        this.collectionsByGroup = readModels.stream().collect(Collectors.groupingBy(ProjectedReadModel::processingGroup,
                Collectors.flatMapping(readModel -> readModel.rebuiltCollections().stream(), Collectors.toSet())));
    }

    /** Runs before the processors start and before any request: each read model is read where it lives. */
    @PostConstruct
    void findReadModels() {
        for (Document home : mongoTemplate.getCollection(COLLECTION).find()) {
            databases.relocate(collectionsOf(home.getString("_id")), home.getString(DATABASE));
            generations.put(home.getString("_id"), home.getInteger(GENERATION, 0));
        }
    }

    public Set<String> collectionsOf(String group) {
        return collectionsByGroup.getOrDefault(group, Set.of());
    }

    /** The database a group's read model lives in now. */
    public String homeOf(String group) {
        int generation = generationOf(group);
        return generation == 0 ? databases.homeDatabase() : databaseOf(group, generation);
    }

    /** The database the next rebuild of {@code group} writes to: one generation further than its home. */
    public String rebuildDatabaseOf(String group) {
        return databaseOf(group, generationOf(group) + 1);
    }

    private String databaseOf(String group, int generation) {
        return databases.homeDatabase() + "_" + group.replaceAll("[^A-Za-z0-9]", "_") + "_" + generation;
    }

    public boolean isRebuilding(String group) {
        return rebuilding.contains(group);
    }

    /** From now on, batches of this group write to its rebuild. Call only while its processor is stopped. */
    void routeToRebuild(String group) {
        rebuilding.add(group);
    }

    /** From now on, batches of this group write to its home. Call only while its processor is stopped. */
    void routeToHome(String group) {
        rebuilding.remove(group);
    }

    /**
     * The rebuild becomes the group's home: readers open its collections there from their next operation on. The
     * previous home is retired, and dropped by {@link #dropRetiredBefore} once reads begun before the move are done.
     * Call only while the group's processor is stopped.
     */
    void moveHomeToRebuild(String group, Instant now) {
        String previousHome = homeOf(group);
        int generation = generationOf(group) + 1;
        String rebuild = databaseOf(group, generation);
        mongoTemplate.getCollection(COLLECTION).replaceOne(new Document("_id", group),
                new Document("_id", group).append(DATABASE, rebuild).append(GENERATION, generation)
                        .append(RETIRED, previousHome).append(RETIRED_AT, now),
                new ReplaceOptions().upsert(true));
        databases.relocate(collectionsOf(group), rebuild);
        generations.put(group, generation);
        rebuilding.remove(group);
    }

    /** Drops the read models retired before {@code moment}: the group's collections, never anything else. */
    void dropRetiredBefore(Instant moment) {
        for (Document home : mongoTemplate.getCollection(COLLECTION).find()) {
            Date retiredAt = home.getDate(RETIRED_AT);
            if (home.getString(RETIRED) != null && retiredAt != null && retiredAt.toInstant().isBefore(moment)) {
                String group = home.getString("_id");
                MongoDatabase retired = databases.getMongoDatabase(home.getString(RETIRED));
                collectionsOf(group).forEach(collection -> retired.getCollection(collection).drop());
                mongoTemplate.getCollection(COLLECTION).updateOne(new Document("_id", group),
                        new Document("$unset", new Document(RETIRED, "").append(RETIRED_AT, "")));
            }
        }
    }

    /** Empties the database the next rebuild of {@code group} writes to, in case an earlier one was abandoned. */
    void clearRebuild(String group) {
        MongoDatabase rebuild = databases.getMongoDatabase(rebuildDatabaseOf(group));
        collectionsOf(group).forEach(collection -> rebuild.getCollection(collection).drop());
    }

    /** Runs {@code work} with this thread's writes to the group's collections going to its rebuild. */
    <T> T inRebuildOf(String group, Supplier<T> work) {
        return rebuildTargetOf(group).within(work);
    }

    /** The transaction manager of one query-side processor: no database transaction, the routing of its batches. */
    public TransactionManager transactionManagerFor(String group) {
        return () -> {
            if (!isRebuilding(group)) {
                return NO_TRANSACTION;
            }
            RebuildTarget.Scope scope = rebuildTargetOf(group).enter();
            return new Transaction() {
                @Override
                public void commit() {
                    scope.close();
                }

                @Override
                public void rollback() {
                    scope.close();
                }
            };
        };
    }

    private RebuildTarget rebuildTargetOf(String group) {
        return new RebuildTarget(collectionsOf(group), rebuildDatabaseOf(group));
    }

    private int generationOf(String group) {
        return generations.getOrDefault(group, 0);
    }
}
