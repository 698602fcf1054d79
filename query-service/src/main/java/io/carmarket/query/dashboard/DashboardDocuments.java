package io.carmarket.query.dashboard;

import io.carmarket.query.common.VersionGuard;
import io.carmarket.query.dashboard.Contributions.Target;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/**
 * The documents the dashboards are read from, one per dealer, customer, month of theirs, and the platform. Each
 * holds in {@code version} the global position of the last event applied to it, and an event's update is applied
 * at most once: the dashboards' processor has one segment, so events reach every document in global order.
 * <p>
 * A fact (a car, a booking...) is saved after the dashboard documents it changes (see {@code DashboardProjection}):
 * an event delivered again after a crash in between finds the fact as it was, computes the same updates, and the
 * documents already updated skip them.
 */
final class DashboardDocuments {

    static final String DEALERS = "dashboard_dealers";
    static final String DEALER_MONTHS = "dashboard_dealer_months";
    static final String CUSTOMERS = "dashboard_customers";
    static final String CUSTOMER_MONTHS = "dashboard_customer_months";
    static final String PLATFORM = "dashboard_platform";
    static final List<String> ALL = List.of(DEALERS, DEALER_MONTHS, CUSTOMERS, CUSTOMER_MONTHS, PLATFORM);

    private static final int KNOWN_DOCUMENTS = 100_000;

    private final MongoTemplate mongoTemplate;
    private final Map<String, VersionGuard> guards = new ConcurrentHashMap<>();
    private final Cache<Target, Boolean> existing = Caffeine.newBuilder().maximumSize(KNOWN_DOCUMENTS).build();

    DashboardDocuments(MongoTemplate mongoTemplate) {
        this.mongoTemplate = mongoTemplate;
    }

    void ensureIndexes() {
        ALL.forEach(collection -> guardOf(collection).ensureIndex());
    }

    /** Applies each update once for the event at {@code position}, creating documents on their first figure. */
    void apply(Map<Target, Update> changes, long position) {
        changes.forEach((target, update) -> {
            createIfMissing(target);
            guardOf(target.collection()).applyOnce(target.id(), position, update);
        });
    }

    void clear() {
        ALL.forEach(collection -> mongoTemplate.remove(new Query(), collection));
        guards.values().forEach(VersionGuard::forgetKnownVersions);
        existing.invalidateAll();
    }

    private void createIfMissing(Target target) {
        if (existing.getIfPresent(target) == null) {
            mongoTemplate.upsert(Query.query(where(VersionGuard.ID).is(target.id())),
                    new Update().setOnInsert(VersionGuard.VERSION, 0L), target.collection());
            existing.put(target, Boolean.TRUE);
        }
    }

    private VersionGuard guardOf(String collection) {
        return guards.computeIfAbsent(collection, name -> new VersionGuard(mongoTemplate, name));
    }
}
