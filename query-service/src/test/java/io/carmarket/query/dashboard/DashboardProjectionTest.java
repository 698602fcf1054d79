package io.carmarket.query.dashboard;

import io.carmarket.api.car.BookingCancellationReason;
import io.carmarket.api.car.BookingStatus;
import io.carmarket.api.car.CarStatus;
import io.carmarket.api.car.CarWithdrawn;
import io.carmarket.api.car.CarSold;
import io.carmarket.api.car.purchase.PurchaseReservationStatus;
import io.carmarket.api.dashboards.AdminDashboard;
import io.carmarket.api.dashboards.CustomerDashboard;
import io.carmarket.api.dashboards.DealerDashboard;
import io.carmarket.api.dashboards.MonthlyCount;
import io.carmarket.api.identity.Role;
import io.carmarket.api.identity.UserRegistered;
import io.carmarket.api.negotiation.NegotiationOpened;
import io.carmarket.api.negotiation.OfferAccepted;
import io.carmarket.api.negotiation.OfferMade;
import io.carmarket.api.negotiation.Party;
import io.carmarket.query.EmbeddedMongo;
import io.carmarket.query.notification.NotificationInbox;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.queryhandling.QueryUpdateEmitter;
import org.axonframework.queryhandling.SimpleQueryUpdateEmitter;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static io.carmarket.query.common.TestEvents.DAY;
import static io.carmarket.query.common.TestEvents.EUR;
import static io.carmarket.query.common.TestEvents.T0;
import static io.carmarket.query.common.TestEvents.approved;
import static io.carmarket.query.common.TestEvents.booked;
import static io.carmarket.query.common.TestEvents.bookedPending;
import static io.carmarket.query.common.TestEvents.cancelled;
import static io.carmarket.query.common.TestEvents.listed;
import static io.carmarket.query.common.TestEvents.reservationCancelled;
import static io.carmarket.query.common.TestEvents.reserved;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dashboards' projection and reader against the embedded MongoDB-wire server: each figure from the events that
 * move it, and events delivered twice (also after a crash between the documents' writes and the fact's save).
 */
class DashboardProjectionTest {

    @RegisterExtension
    static final EmbeddedMongo mongo = new EmbeddedMongo();

    /** Two days before the test events' first booking day, so that it falls in the next 7 days. */
    private static final LocalDate TODAY = DAY.minusDays(2);
    private static final Instant BOOKED_AT = T0;
    private static final String THIS_MONTH = "2030-01";

    private MongoTemplate mongoTemplate;
    private DashboardProjection projection;
    private DashboardReader reader;
    private long position;

    @BeforeEach
    void emptyReadModels() {
        mongoTemplate = mongo.template();
        QueryUpdateEmitter emitter = SimpleQueryUpdateEmitter.builder().build();
        reader = new DashboardReader(mongoTemplate, new NotificationInbox(mongoTemplate),
                Clock.fixed(TODAY.atStartOfDay().toInstant(ZoneOffset.UTC), ZoneOffset.UTC));
        DashboardUpdates updates = new DashboardUpdates(
                new StaticListableBeanFactory(Map.of("emitter", emitter)).getBeanProvider(QueryUpdateEmitter.class),
                reader);
        projection = new DashboardProjection(mongoTemplate, updates);
        for (String collection : projection.rebuiltCollections()) {
            mongoTemplate.remove(new Query(), collection);
        }
        projection.clearBeforeReplay();
        projection.ensureIndexes();
        projection.on(listed("car-1", "dealer-1", "Volkswagen", "Golf"), T0, next());
    }

    @Test
    void a_listed_car_counts_for_its_dealer_its_make_and_the_bookable_fleet() {
        projection.on(listed("car-2", "dealer-1", "BMW", "i4"), T0, next());

        DealerDashboard dealer = reader.dealer("dealer-1");
        assertThat(dealer.carsByStatus()).containsEntry(CarStatus.LISTED, 2L).containsEntry(CarStatus.SOLD, 0L);
        assertThat(dealer.utilisationNext30Days().availableCarDays()).isEqualTo(2 * 30);
        assertThat(reader.admin().topMakesByListings()).extracting("make").containsExactly("BMW", "Volkswagen");
    }

    @Test
    void a_withdrawn_car_leaves_the_listed_count_and_the_bookable_fleet() {
        projection.on(new CarWithdrawn("car-1"), next());

        DealerDashboard dealer = reader.dealer("dealer-1");
        assertThat(dealer.carsByStatus()).containsEntry(CarStatus.LISTED, 0L).containsEntry(CarStatus.WITHDRAWN, 1L);
        assertThat(dealer.utilisationNext30Days().availableCarDays()).isZero();
        assertThat(dealer.utilisationNext30Days().ratio()).isNull();
    }

    @Test
    void a_confirmed_booking_is_a_pick_up_a_return_revenue_and_an_upcoming_booking() {
        projection.on(booked("car-1", "b-1", "customer-1", 0, 3), BOOKED_AT, next());

        DealerDashboard dealer = reader.dealer("dealer-1");
        assertThat(dealer.pickUpsNext7Days()).singleElement().satisfies(pickUp -> {
            assertThat(pickUp.bookingId()).isEqualTo("b-1");
            assertThat(pickUp.date()).isEqualTo(DAY);
            assertThat(pickUp.carTitle()).isEqualTo("Volkswagen Golf (2022)");
        });
        assertThat(dealer.returnsNext7Days()).singleElement()
                .satisfies(handover -> assertThat(handover.date()).isEqualTo(DAY.plusDays(3)));
        assertThat(dealer.utilisationNext30Days().bookedCarDays()).isEqualTo(3);
        assertThat(revenueOf(dealer, THIS_MONTH)).isEqualByComparingTo("148.50");
        assertThat(reader.customer("customer-1").upcomingBookings()).extracting("bookingId").containsExactly("b-1");
        AdminDashboard admin = reader.admin();
        assertThat(admin.bookingsByStatus()).containsEntry(BookingStatus.CONFIRMED, 1L);
        assertThat(admin.topMakesByBookings()).extracting("make").containsExactly("Volkswagen");
    }

    @Test
    void a_booking_awaiting_approval_is_listed_for_dealer_and_customer_until_approved() {
        Instant deadline = T0.plusSeconds(3600);
        projection.on(bookedPending("car-1", "b-1", "customer-1", 0, 3, deadline), BOOKED_AT, next());

        assertThat(reader.dealer("dealer-1").awaitingApproval()).singleElement()
                .satisfies(pending -> assertThat(pending.expiresAt()).isEqualTo(deadline));
        assertThat(reader.customer("customer-1").awaitingApproval()).extracting("bookingId").containsExactly("b-1");
        assertThat(revenueOf(reader.dealer("dealer-1"), THIS_MONTH)).isNull();

        projection.on(approved("car-1", "b-1", "customer-1"), next());

        DealerDashboard dealer = reader.dealer("dealer-1");
        assertThat(dealer.awaitingApproval()).isEmpty();
        assertThat(revenueOf(dealer, THIS_MONTH)).isEqualByComparingTo("148.50");
        assertThat(reader.customer("customer-1").awaitingApproval()).isEmpty();
    }

    @Test
    void a_cancelled_booking_takes_back_its_revenue_its_dates_and_its_status_count() {
        projection.on(booked("car-1", "b-1", "customer-1", 0, 3), BOOKED_AT, next());
        projection.on(cancelled("car-1", "b-1", BookingCancellationReason.ON_REQUEST, null), next());

        DealerDashboard dealer = reader.dealer("dealer-1");
        assertThat(revenueOf(dealer, THIS_MONTH)).isNull();
        assertThat(dealer.pickUpsNext7Days()).isEmpty();
        assertThat(dealer.utilisationNext30Days().bookedCarDays()).isZero();
        assertThat(reader.customer("customer-1").upcomingBookings()).isEmpty();
        assertThat(reader.admin().bookingsByStatus())
                .containsEntry(BookingStatus.CONFIRMED, 0L).containsEntry(BookingStatus.CANCELLED, 1L);
        assertThat(monthCount(reader.admin().bookingsByMonth(), THIS_MONTH)).isEqualTo(1);
    }

    @Test
    void an_event_delivered_twice_counts_once() {
        TrackingToken bookedAt = next();
        projection.on(booked("car-1", "b-1", "customer-1", 0, 3), BOOKED_AT, bookedAt);
        projection.on(booked("car-1", "b-1", "customer-1", 0, 3), BOOKED_AT, bookedAt);
        TrackingToken approvedAt = next();
        projection.on(approved("car-1", "b-1", "customer-1"), approvedAt);
        projection.on(approved("car-1", "b-1", "customer-1"), approvedAt);

        assertThat(reader.admin().bookingsByStatus()).containsEntry(BookingStatus.CONFIRMED, 1L);
        assertThat(revenueOf(reader.dealer("dealer-1"), THIS_MONTH)).isEqualByComparingTo("148.50");
    }

    @Test
    void an_event_redelivered_after_a_crash_before_its_fact_was_saved_counts_once() {
        projection.on(bookedPending("car-1", "b-1", "customer-1", 0, 3, T0.plusSeconds(60)), BOOKED_AT, next());
        BookingFacts beforeApproval = mongoTemplate.findById("b-1", BookingFacts.class);
        TrackingToken approvedAt = next();
        projection.on(approved("car-1", "b-1", "customer-1"), approvedAt);
        // As if the process died after the dashboard documents were written and before the booking was saved:
        mongoTemplate.save(beforeApproval);

        projection.on(approved("car-1", "b-1", "customer-1"), approvedAt);

        assertThat(revenueOf(reader.dealer("dealer-1"), THIS_MONTH)).isEqualByComparingTo("148.50");
        assertThat(reader.admin().bookingsByStatus())
                .containsEntry(BookingStatus.CONFIRMED, 1L).containsEntry(BookingStatus.PENDING_APPROVAL, 0L);
        assertThat(mongoTemplate.findById("b-1", BookingFacts.class).status()).isEqualTo(BookingStatus.CONFIRMED);
    }

    @Test
    void a_buyers_offer_awaits_the_dealer_and_a_counter_offer_awaits_the_buyer() {
        projection.on(new NegotiationOpened("n-1", "car-1", "dealer-1", "buyer-1", EUR), T0, next());
        projection.on(new OfferMade("n-1", 1, Party.BUYER, new BigDecimal("22000.00"), EUR, null,
                T0.plusSeconds(86_400)), next());

        assertThat(reader.dealer("dealer-1").negotiationsAwaitingAnswer()).singleElement()
                .satisfies(offer -> assertThat(offer.amount()).isEqualByComparingTo("22000.00"));
        assertThat(reader.customer("buyer-1").openNegotiations()).singleElement()
                .satisfies(negotiation -> assertThat(negotiation.yourTurn()).isFalse());

        projection.on(new OfferMade("n-1", 2, Party.DEALER, new BigDecimal("24000.00"), EUR, null,
                T0.plusSeconds(2 * 86_400)), next());

        assertThat(reader.dealer("dealer-1").negotiationsAwaitingAnswer()).isEmpty();
        assertThat(reader.customer("buyer-1").openNegotiations()).singleElement()
                .satisfies(negotiation -> assertThat(negotiation.yourTurn()).isTrue());
    }

    @Test
    void an_accepted_offer_converts_at_a_discount_after_so_many_hours() {
        projection.on(new NegotiationOpened("n-1", "car-1", "dealer-1", "buyer-1", EUR), T0, next());
        projection.on(new OfferMade("n-1", 1, Party.BUYER, new BigDecimal("22500.00"), EUR, null, null), next());
        projection.on(new OfferAccepted("n-1", "car-1", "dealer-1", "buyer-1", 1, Party.DEALER,
                new BigDecimal("22500.00"), EUR), T0.plusSeconds(5 * 3600), next());

        AdminDashboard admin = reader.admin();
        assertThat(admin.negotiationConversion().accepted()).isEqualTo(1);
        assertThat(admin.negotiationConversion().ended()).isEqualTo(1);
        assertThat(admin.negotiationConversion().rate()).isEqualTo(1.0);
        assertThat(admin.medianHoursToAgreement()).isEqualTo(5.0);
        // 25,000 asked, 22,500 agreed.
        assertThat(reader.dealer("dealer-1").agreedDiscount().averagePercent()).isEqualTo(10.0);
        assertThat(reader.customer("buyer-1").openNegotiations()).isEmpty();
    }

    @Test
    void a_sold_car_counts_its_days_on_the_market() {
        projection.on(new CarSold("car-1", "buyer-1", "r-1", new BigDecimal("25000.00"), EUR),
                T0.plusSeconds(12 * 86_400), next());

        assertThat(reader.admin().medianDaysOnMarketUntilSold()).isEqualTo(12.0);
        assertThat(reader.dealer("dealer-1").carsByStatus()).containsEntry(CarStatus.SOLD, 1L);
    }

    @Test
    void a_live_purchase_reservation_is_the_customers_until_cancelled_and_the_car_is_listed_again() {
        projection.on(reserved("car-1", "r-1", "customer-1"), next());

        assertThat(reader.customer("customer-1").purchaseReservations()).singleElement()
                .satisfies(reservation -> assertThat(reservation.status())
                        .isEqualTo(PurchaseReservationStatus.PENDING));
        assertThat(reader.dealer("dealer-1").carsByStatus()).containsEntry(CarStatus.RESERVED, 1L);

        projection.on(reservationCancelled("car-1", "r-1", "customer-1", "changed mind"), next());

        assertThat(reader.customer("customer-1").purchaseReservations()).isEmpty();
        DealerDashboard dealer = reader.dealer("dealer-1");
        assertThat(dealer.carsByStatus()).containsEntry(CarStatus.LISTED, 1L).containsEntry(CarStatus.RESERVED, 0L);
        assertThat(dealer.reservationsByStatus()).containsEntry(PurchaseReservationStatus.CANCELLED, 1L);
    }

    @Test
    void new_users_count_in_the_month_they_registered() {
        projection.on(new UserRegistered("u-1", Role.CUSTOMER, Instant.parse("2029-12-31T23:00:00Z")), next());
        projection.on(new UserRegistered("u-2", Role.DEALER, Instant.parse("2030-01-02T08:00:00Z")), next());

        List<MonthlyCount> months = reader.admin().newUsersByMonth();
        assertThat(months).hasSize(12);
        assertThat(monthCount(months, "2029-12")).isEqualTo(1);
        assertThat(monthCount(months, THIS_MONTH)).isEqualTo(1);
    }

    @Test
    void one_dealers_dashboard_holds_nothing_of_another_dealers_cars() {
        projection.on(listed("car-9", "dealer-9", "Fiat", "500"), T0, next());
        projection.on(booked("car-9", "b-9", "customer-1", 0, 3), BOOKED_AT, next());

        DealerDashboard dealer = reader.dealer("dealer-1");
        assertThat(dealer.carsByStatus()).containsEntry(CarStatus.LISTED, 1L);
        assertThat(dealer.pickUpsNext7Days()).isEmpty();
        assertThat(revenueOf(dealer, THIS_MONTH)).isNull();
    }

    @Test
    void a_dashboards_position_counts_the_changes_of_its_months_too() {
        projection.on(booked("car-1", "b-1", "customer-1", 0, 3), BOOKED_AT, next());

        // The confirmed booking changed only the customer's month document, not their own.
        assertThat(reader.customer("customer-1").position()).isEqualTo(position);
        assertThat(reader.dealer("dealer-1").position()).isEqualTo(position);
    }

    @Test
    void an_unknown_owner_reads_an_empty_dashboard_with_every_status_at_zero() {
        CustomerDashboard nobody = reader.customer("nobody");
        assertThat(nobody.position()).isZero();
        assertThat(nobody.upcomingBookings()).isEmpty();
        assertThat(reader.dealer("nobody").carsByStatus()).hasSize(CarStatus.values().length).containsValue(0L);
    }

    private TrackingToken next() {
        return new GlobalSequenceTrackingToken(++position);
    }

    private static BigDecimal revenueOf(DealerDashboard dealer, String month) {
        return dealer.revenueByMonth().stream()
                .filter(revenue -> revenue.month().equals(month))
                .findFirst()
                .map(revenue -> revenue.amountByCurrency().get("EUR"))
                .orElse(null);
    }

    private static long monthCount(List<MonthlyCount> months, String month) {
        return months.stream().filter(count -> count.month().equals(month)).findFirst().orElseThrow().count();
    }
}
