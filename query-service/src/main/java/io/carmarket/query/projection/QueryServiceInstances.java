package io.carmarket.query.projection;

import jakarta.annotation.PreDestroy;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/**
 * The query-service instances sharing this MongoDB, known by a heartbeat each writes every few seconds. A replay
 * stops, resets and restarts a projection's processor on this instance only, so it is refused while another instance
 * is alive (docs/architecture.md).
 */
@Component
public class QueryServiceInstances {

    static final String COLLECTION = "query_service_instances";
    private static final String HEARTBEAT_AT = "heartbeatAt";
    private static final String NAME = "name";

    private final MongoTemplate mongoTemplate;
    private final Duration instanceTimeout;
    private final Clock clock = Clock.systemUTC();
    private final String instanceId = UUID.randomUUID().toString();
    private final String name = ManagementFactory.getRuntimeMXBean().getName();

    public QueryServiceInstances(MongoTemplate mongoTemplate, ProjectionsProperties properties) {
        this.mongoTemplate = mongoTemplate;
        this.instanceTimeout = properties.instanceTimeout();
    }

    @Scheduled(fixedDelayString = "${carmarket.projections.heartbeat-interval:5s}")
    public void heartbeat() {
        mongoTemplate.getCollection(COLLECTION).replaceOne(new Document("_id", instanceId),
                new Document("_id", instanceId).append(NAME, name).append(HEARTBEAT_AT, clock.instant()),
                new com.mongodb.client.model.ReplaceOptions().upsert(true));
    }

    /** The names of the other instances whose heartbeat is recent. */
    public List<String> othersAlive() {
        Instant aliveSince = clock.instant().minus(instanceTimeout);
        List<String> others = new ArrayList<>();
        for (Document instance : mongoTemplate.getCollection(COLLECTION).find()) {
            if (!instanceId.equals(instance.get("_id")) && instance.getDate(HEARTBEAT_AT) != null
                    && instance.getDate(HEARTBEAT_AT).toInstant().isAfter(aliveSince)) {
                others.add(instance.getString(NAME));
            }
        }
        return others;
    }

    @PreDestroy
    void leave() {
        mongoTemplate.remove(query(where("_id").is(instanceId)), COLLECTION);
    }
}
