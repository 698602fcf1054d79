package io.carmarket.query.dashboard;

import io.carmarket.api.dashboards.AdminDashboardQuery;
import io.carmarket.api.dashboards.CustomerDashboardQuery;
import io.carmarket.api.dashboards.DealerDashboardQuery;
import io.carmarket.query.common.DashboardChanges;
import io.carmarket.query.dashboard.Contributions.Target;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.queryhandling.QueryUpdateEmitter;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Sends the new state of each changed dashboard to its live subscribers (the {@code .../stream} endpoints), as an
 * update of their subscription query: once per batch of events, after the batch's writes, and only for dashboards
 * someone is watching. Through Axon Server the update reaches subscribers connected to any query-service instance.
 * Events of a replay send nothing: a stream shows the present, not history being rebuilt.
 */
@Component
public class DashboardUpdates implements DashboardChanges {

    private static final String PENDING = DashboardUpdates.class.getName();

    /** Whose dashboard changed. */
    private record Subject(Kind kind, String id) {
    }

    private enum Kind { DEALER, CUSTOMER, PLATFORM }

    /** Looked up when first needed: Axon's configuration, which provides it, is itself built from the projections. */
    private final ObjectProvider<QueryUpdateEmitter> emitter;
    private final DashboardReader reader;

    public DashboardUpdates(ObjectProvider<QueryUpdateEmitter> emitter, DashboardReader reader) {
        this.emitter = emitter;
        this.reader = reader;
    }

    @Override
    public void customerChanged(String customerId) {
        changed(Set.of(new Subject(Kind.CUSTOMER, customerId)));
    }

    /** The documents an event changed, by the dashboards they belong to. */
    void documentsChanged(Collection<Target> documents) {
        Set<Subject> subjects = new LinkedHashSet<>();
        for (Target document : documents) {
            switch (document.collection()) {
                case DashboardDocuments.DEALERS, DashboardDocuments.DEALER_MONTHS ->
                        subjects.add(new Subject(Kind.DEALER, ownerOf(document.id())));
                case DashboardDocuments.CUSTOMERS, DashboardDocuments.CUSTOMER_MONTHS ->
                        subjects.add(new Subject(Kind.CUSTOMER, ownerOf(document.id())));
                default -> subjects.add(new Subject(Kind.PLATFORM, Figures.PLATFORM_ID));
            }
        }
        changed(subjects);
    }

    private void changed(Set<Subject> subjects) {
        if (!CurrentUnitOfWork.isStarted()) {
            send(subjects);
            return;
        }
        UnitOfWork<?> unitOfWork = CurrentUnitOfWork.get();
        if (unitOfWork.getMessage() instanceof TrackedEventMessage<?> event
                && ReplayToken.isReplay(event.trackingToken())) {
            return;
        }
        UnitOfWork<?> batch = unitOfWork.root();
        Set<Subject> pending = batch.getOrComputeResource(PENDING, key -> {
            Set<Subject> collected = new LinkedHashSet<>();
            // Before the commit: the emitter itself holds each update until the batch has committed.
            batch.onPrepareCommit(committing -> send(collected));
            return collected;
        });
        pending.addAll(subjects);
    }

    private void send(Set<Subject> subjects) {
        for (Subject subject : subjects) {
            switch (subject.kind()) {
                case DEALER -> sendIfWatched(DealerDashboardQuery.class,
                        query -> subject.id().equals(query.dealerId()), () -> reader.dealer(subject.id()));
                case CUSTOMER -> sendIfWatched(CustomerDashboardQuery.class,
                        query -> subject.id().equals(query.customerId()), () -> reader.customer(subject.id()));
                case PLATFORM -> sendIfWatched(AdminDashboardQuery.class, query -> true, reader::admin);
            }
        }
    }

    private <Q> void sendIfWatched(Class<Q> queryType, Predicate<Q> watches,
                                   java.util.function.Supplier<Object> dashboard) {
        QueryUpdateEmitter updates = emitter.getObject();
        boolean watched = updates.activeSubscriptions().stream()
                .map(subscription -> subscription.getPayload())
                .anyMatch(payload -> queryType.isInstance(payload) && watches.test(queryType.cast(payload)));
        if (watched) {
            updates.emit(queryType, watches, dashboard.get());
        }
    }

    private static String ownerOf(String documentId) {
        int separator = documentId.indexOf('|');
        return separator < 0 ? documentId : documentId.substring(0, separator);
    }
}
