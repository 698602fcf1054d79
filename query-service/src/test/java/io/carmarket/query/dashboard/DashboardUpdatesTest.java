package io.carmarket.query.dashboard;

import io.carmarket.api.dashboards.DealerDashboard;
import io.carmarket.api.dashboards.DealerDashboardQuery;
import io.carmarket.query.EmbeddedMongo;
import io.carmarket.query.notification.NotificationInbox;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.GenericTrackedEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.queryhandling.GenericSubscriptionQueryMessage;
import org.axonframework.queryhandling.QueryUpdateEmitter;
import org.axonframework.queryhandling.SimpleQueryUpdateEmitter;
import org.axonframework.queryhandling.SubscriptionQueryUpdateMessage;
import org.axonframework.queryhandling.UpdateHandlerRegistration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static io.carmarket.query.common.TestEvents.DAY;
import static io.carmarket.query.common.TestEvents.T0;
import static io.carmarket.query.common.TestEvents.booked;
import static io.carmarket.query.common.TestEvents.listed;
import static org.assertj.core.api.Assertions.assertThat;

/** Live updates: a watched dealer dashboard gets its new state after each batch, never during a replay. */
class DashboardUpdatesTest {

    @RegisterExtension
    static final EmbeddedMongo mongo = new EmbeddedMongo();

    private QueryUpdateEmitter emitter;
    private DashboardProjection projection;
    private UpdateHandlerRegistration<Object> subscription;
    private final List<Object> received = new CopyOnWriteArrayList<>();

    @BeforeEach
    void dealerWatched() {
        MongoTemplate mongoTemplate = mongo.template();
        emitter = SimpleQueryUpdateEmitter.builder().build();
        DashboardReader reader = new DashboardReader(mongoTemplate, new NotificationInbox(mongoTemplate),
                Clock.fixed(DAY.minusDays(2).atStartOfDay().toInstant(ZoneOffset.UTC), ZoneOffset.UTC));
        projection = new DashboardProjection(mongoTemplate, new DashboardUpdates(
                new StaticListableBeanFactory(Map.of("emitter", emitter)).getBeanProvider(QueryUpdateEmitter.class),
                reader));
        for (String collection : projection.rebuiltCollections()) {
            mongoTemplate.remove(new Query(), collection);
        }
        projection.clearBeforeReplay();
        projection.ensureIndexes();
        projection.on(listed("car-1", "dealer-1", "Volkswagen", "Golf"), T0, new GlobalSequenceTrackingToken(1));
        subscription = emitter.registerUpdateHandler(new GenericSubscriptionQueryMessage<>(
                new DealerDashboardQuery("dealer-1"), ResponseTypes.instanceOf(DealerDashboard.class),
                ResponseTypes.instanceOf(DealerDashboard.class)), 16);
        subscription.getUpdates().map(SubscriptionQueryUpdateMessage::getPayload).subscribe(received::add);
    }

    @AfterEach
    void unsubscribe() {
        subscription.complete();
    }

    @Test
    void a_change_to_a_watched_dashboard_sends_its_new_state_once_the_batch_commits() {
        handleInBatch(new GlobalSequenceTrackingToken(2));

        assertThat(received).singleElement().isInstanceOfSatisfying(DealerDashboard.class, dashboard -> {
            assertThat(dashboard.position()).isEqualTo(2);
            assertThat(dashboard.pickUpsNext7Days()).extracting("bookingId").containsExactly("b-1");
        });
    }

    @Test
    void a_replayed_event_sends_nothing() {
        TrackingToken replaying = ReplayToken.createReplayToken(new GlobalSequenceTrackingToken(10),
                new GlobalSequenceTrackingToken(1));
        handleInBatch(replaying);

        assertThat(received).isEmpty();
    }

    @Test
    void a_dashboard_nobody_watches_is_not_read_or_sent() {
        projection.on(listed("car-2", "dealer-2", "Fiat", "500"), T0, new GlobalSequenceTrackingToken(2));

        assertThat(received).isEmpty();
    }

    private void handleInBatch(TrackingToken token) {
        var event = booked("car-1", "b-1", "customer-1", 0, 3);
        var message = new GenericTrackedEventMessage<>(token, GenericEventMessage.asEventMessage(event));
        // The subscription's updates arrive on the committing thread: nothing is left to wait for afterwards.
        DefaultUnitOfWork.startAndGet(message).execute(() -> projection.on(event, T0, token));
    }
}
