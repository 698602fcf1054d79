package io.carmarket.query.projection;

import io.carmarket.query.common.ProjectedReadModel;
import jakarta.annotation.PostConstruct;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.UpdateOptions;
import io.carmarket.query.projection.ProjectionProgress.Replay;
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
import java.util.stream.Collectors;

/**
 * Where each projection's read model lives and where its writes go. A read model starts in the configured database;
 * a rebuild writes a new one into a database of its own (one generation further), which becomes the read model's
 * home when the rebuild has caught up ({@link ProjectionRebuilds}). Homes, and the rebuilds under way, are kept in
 * {@value #COLLECTION}, so a restart finds each read model where its last rebuild left it and resumes a rebuild.
 * <p>
 * Writes are routed per batch ({@link #routeBatchOf}, from {@link ProjectionBatchInterceptor}): while a group is
 * being rebuilt its batches write to the rebuild. A group changes between live and rebuild only while its processor
 * is stopped.
 */
@Component
public class ReadModelRouting {

    static final String COLLECTION = "read_model_homes";
    private static final String DATABASE = "database";
    private static final String GENERATION = "generation";
    private static final String RETIRED = "retired";
    private static final String RETIRED_AT = "retiredAt";
    private static final String REBUILD_STARTED_AT = "rebuildStartedAt";
    private static final String REBUILD_REQUESTED_BY = "rebuildRequestedBy";
    private static final RebuildTarget.Scope NOT_ROUTED = () -> {
    };

    private final MongoTemplate mongoTemplate;
    private final RoutingDatabaseFactory databases;
    private final Map<String, List<ProjectedReadModel>> readModelsByGroup;
    private final Map<String, Set<String>> collectionsByGroup;
    private final Set<String> rebuilding = ConcurrentHashMap.newKeySet();
    private final Map<String, Integer> generations = new ConcurrentHashMap<>();

    public ReadModelRouting(MongoTemplate mongoTemplate, MongoDatabaseFactory databaseFactory,
                            List<ProjectedReadModel> readModels) {
        this.mongoTemplate = mongoTemplate;
        this.databases = (RoutingDatabaseFactory) databaseFactory;
        this.readModelsByGroup = readModels.stream()
                .collect(Collectors.groupingBy(ProjectedReadModel::processingGroup));
        this.collectionsByGroup = readModels.stream().collect(Collectors.groupingBy(ProjectedReadModel::processingGroup,
                Collectors.flatMapping(readModel -> readModel.rebuiltCollections().stream(), Collectors.toSet())));
    }

    /** Runs before the processors start and before any request: each read model is read where it lives. */
    @PostConstruct
    void findReadModels() {
        for (Document home : mongoTemplate.getCollection(COLLECTION).find()) {
            if (home.getString(DATABASE) != null) {
                databases.relocate(collectionsOf(home.getString("_id")), home.getString(DATABASE));
                generations.put(home.getString("_id"), home.getInteger(GENERATION, 0));
            }
        }
    }

    /** The read models one group's projections build (several projections may share a group). */
    public List<ProjectedReadModel> readModelsOf(String group) {
        return readModelsByGroup.getOrDefault(group, List.of());
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

    /** The rebuilds under way, by group, as recorded when they started; a restart resumes them. */
    Map<String, Replay> rebuildsUnderWay() {
        Map<String, Replay> underWay = new java.util.HashMap<>();
        for (Document home : mongoTemplate.getCollection(COLLECTION).find()) {
            if (home.getDate(REBUILD_STARTED_AT) != null) {
                underWay.put(home.getString("_id"), new Replay(home.getDate(REBUILD_STARTED_AT).toInstant(),
                        home.getString(REBUILD_REQUESTED_BY)));
            }
        }
        return underWay;
    }

    /** Records that a rebuild of {@code group} has started. */
    void recordRebuild(String group, Replay replay) {
        mongoTemplate.getCollection(COLLECTION).updateOne(new Document("_id", group),
                new Document("$set", new Document(REBUILD_STARTED_AT, replay.startedAt())
                        .append(REBUILD_REQUESTED_BY, replay.requestedBy())),
                new UpdateOptions().upsert(true));
    }

    /** Forgets a rebuild that could not start; the group's home is unchanged. */
    void forgetRebuild(String group) {
        mongoTemplate.getCollection(COLLECTION).updateOne(new Document("_id", group), unsetRebuild());
        rebuilding.remove(group);
    }

    /**
     * Ends the rebuild of {@code group}. Rebuilt aside, the rebuild becomes the group's home: readers open its
     * collections there from their next operation on, and the previous home is retired, to be dropped by
     * {@link #dropRetiredBefore} once reads begun before the move are done. The end of the rebuild and the move are
     * one write, so a crash leaves either the rebuild under way or the move done. Call only while the group's
     * processor is stopped.
     */
    void finishRebuild(String group, Instant now) {
        Document update = unsetRebuild();
        if (isRebuilding(group)) {
            int generation = generationOf(group) + 1;
            update.append("$set", new Document(DATABASE, databaseOf(group, generation)).append(GENERATION, generation)
                    .append(RETIRED, homeOf(group)).append(RETIRED_AT, now));
            mongoTemplate.getCollection(COLLECTION).updateOne(new Document("_id", group), update);
            databases.relocate(collectionsOf(group), databaseOf(group, generation));
            generations.put(group, generation);
        } else {
            mongoTemplate.getCollection(COLLECTION).updateOne(new Document("_id", group), update);
        }
        rebuilding.remove(group);
    }

    private static Document unsetRebuild() {
        return new Document("$unset", new Document(REBUILD_STARTED_AT, "").append(REBUILD_REQUESTED_BY, ""));
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
        Set<String> existing = rebuild.listCollectionNames().into(new java.util.HashSet<>());
        collectionsOf(group).stream().filter(existing::contains)
                .forEach(collection -> rebuild.getCollection(collection).drop());
    }

    /** Runs {@code work} with this thread's writes to the group's collections going to its rebuild. */
    void inRebuildOf(String group, Runnable work) {
        try (RebuildTarget.Scope ignored = rebuildTargetOf(group).enter()) {
            work.run();
        }
    }

    /**
     * Routes this thread's writes to the read models of {@code group} for one batch of its processor: to the rebuild
     * while the group is being rebuilt, home otherwise. The batch closes the scope when it ends.
     */
    RebuildTarget.Scope routeBatchOf(String group) {
        return isRebuilding(group) ? rebuildTargetOf(group).enter() : NOT_ROUTED;
    }

    private RebuildTarget rebuildTargetOf(String group) {
        return new RebuildTarget(collectionsOf(group), rebuildDatabaseOf(group));
    }

    private int generationOf(String group) {
        return generations.getOrDefault(group, 0);
    }
}
