package io.carmarket.command.audit;

import io.carmarket.api.car.BookingCancellationReason;
import io.carmarket.api.car.BookingCancelled;
import io.carmarket.api.car.BookingRescheduled;
import io.carmarket.api.car.BookingStatus;
import io.carmarket.api.car.CarBooked;
import io.carmarket.api.car.CarListed;
import io.carmarket.api.car.CarStatus;
import io.carmarket.api.car.DateRange;
import io.carmarket.api.car.Location;
import io.carmarket.api.car.Pricing;
import io.carmarket.api.car.purchase.PaymentMethod;
import io.carmarket.api.car.purchase.PurchaseReservationStatus;
import io.carmarket.api.car.purchase.PurchaseReserved;
import io.carmarket.api.negotiation.NegotiationOpened;
import io.carmarket.api.negotiation.NegotiationStatus;
import io.carmarket.api.negotiation.OfferAccepted;
import io.carmarket.api.negotiation.OfferMade;
import io.carmarket.api.negotiation.Party;
import io.carmarket.command.car.Car;
import io.carmarket.command.car.CarState;
import io.carmarket.command.negotiation.Negotiation;
import io.carmarket.command.negotiation.NegotiationState;
import org.axonframework.common.IdentifierFactory;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.GenericAggregateFactory;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.inspection.AggregateModel;
import org.axonframework.modelling.command.inspection.AnnotatedAggregateMetaModelFactory;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Rebuilding an aggregate from given events with its own event sourcing handlers, as the audit API does. */
class AggregateRebuilderTest {

    private static final String CAR_ID = "car-1";
    private static final Instant JUNE_10 = Instant.parse("2026-06-10T20:00:00Z");
    private static final Currency EUR = Currency.getInstance("EUR");
    private static final AuditableAggregateType<Car> CAR = typeOf(Car.class);
    private static final AuditableAggregateType<Negotiation> NEGOTIATION = typeOf(Negotiation.class);

    @Test
    void the_state_at_a_version_has_the_events_up_to_it_and_none_after() {
        List<DomainEventMessage<?>> events = carEvents(JUNE_10,
                listed(), booked("b-1", june(12), june(15)), cancelled("b-1", june(12), june(15)));

        CarState beforeCancelling = AggregateRebuilder.rebuild(CAR, events.subList(0, 2)).state();
        CarState afterCancelling = AggregateRebuilder.rebuild(CAR, events).state();

        assertThat(beforeCancelling.bookings()).extracting(CarState.Booking::status)
                .containsExactly(BookingStatus.CONFIRMED);
        assertThat(afterCancelling.bookings()).extracting(CarState.Booking::status)
                .containsExactly(BookingStatus.CANCELLED);
    }

    @Test
    void the_car_state_shows_its_listing_as_the_listing_event_set_it() {
        CarState state = AggregateRebuilder.rebuild(CAR, carEvents(JUNE_10, listed())).state();

        assertThat(state).isEqualTo(new CarState(CAR_ID, "dealer-1", CarStatus.LISTED, false,
                new CarState.Pricing(new BigDecimal("49.50"), new BigDecimal("18500.00"), "EUR"), 14,
                "Europe/Berlin", List.of(), List.of(), null));
    }

    @Test
    void a_rescheduled_booking_shows_its_new_dates() {
        CarState state = AggregateRebuilder.rebuild(CAR, carEvents(JUNE_10, listed(),
                booked("b-1", june(12), june(15)),
                new BookingRescheduled(CAR_ID, "b-1", "customer-1", new DateRange(june(12), june(15)),
                        new DateRange(june(20), june(22)), BookingStatus.CONFIRMED, new BigDecimal("99.00"), EUR,
                        null))).state();

        assertThat(state.bookings()).containsExactly(new CarState.Booking("b-1", "customer-1", june(20), june(22),
                BookingStatus.CONFIRMED, null));
    }

    @Test
    void bookings_are_shown_in_the_order_of_their_start_dates() {
        CarState state = AggregateRebuilder.rebuild(CAR, carEvents(JUNE_10, listed(),
                booked("late", june(25), june(27)), booked("early", june(12), june(13)))).state();

        assertThat(state.bookings()).extracting(CarState.Booking::bookingId).containsExactly("early", "late");
    }

    @Test
    void the_rebuild_applies_the_cars_own_rule_of_forgetting_bookings_that_ended_before_an_event() {
        List<DomainEventMessage<?>> events = new ArrayList<>(carEvents(JUNE_10, listed(),
                booked("b-1", june(12), june(15))));
        events.add(message(2, booked("b-2", LocalDate.of(2026, 7, 10), LocalDate.of(2026, 7, 12)),
                Instant.parse("2026-07-01T09:00:00Z")));

        CarState state = AggregateRebuilder.rebuild(CAR, events).state();

        assertThat(state.bookings()).extracting(CarState.Booking::bookingId).containsExactly("b-2");
    }

    @Test
    void a_reserved_car_shows_its_live_purchase_reservation() {
        CarState state = AggregateRebuilder.rebuild(CAR, carEvents(JUNE_10, listed(),
                new PurchaseReserved(CAR_ID, "r-1", "ORD-1", "customer-1", PaymentMethod.FULL_PAYMENT, null, null,
                        new BigDecimal("18500.00"), new BigDecimal("18500.00"), null, EUR, june(20),
                        JUNE_10.plusSeconds(3600)))).state();

        assertThat(state.status()).isEqualTo(CarStatus.RESERVED);
        assertThat(state.purchaseReservation()).isEqualTo(new CarState.PurchaseReservation("r-1", "ORD-1",
                "customer-1", PurchaseReservationStatus.PENDING, june(20), JUNE_10.plusSeconds(3600),
                new BigDecimal("18500.00"), new BigDecimal("18500.00")));
    }

    @Test
    void a_negotiation_is_rebuilt_with_its_status_and_latest_offer() {
        Instant expiresAt = JUNE_10.plusSeconds(7200);
        List<DomainEventMessage<?>> events = List.of(
                negotiationMessage(0, new NegotiationOpened("n-1", CAR_ID, "dealer-1", "customer-1", EUR)),
                negotiationMessage(1, new OfferMade("n-1", 1, Party.BUYER, new BigDecimal("17000.00"), EUR, null,
                        expiresAt)),
                negotiationMessage(2, new OfferAccepted("n-1", CAR_ID, "dealer-1", "customer-1", 1, Party.DEALER,
                        new BigDecimal("17000.00"), EUR)));

        NegotiationState state = AggregateRebuilder.rebuild(NEGOTIATION, events).state();

        assertThat(state).isEqualTo(new NegotiationState("n-1", CAR_ID, "dealer-1", "customer-1", "EUR",
                NegotiationStatus.ACCEPTED, new NegotiationState.Offer(1, Party.BUYER, new BigDecimal("17000.00"),
                expiresAt), null));
    }

    @Test
    void events_that_do_not_start_at_the_first_are_refused() {
        List<DomainEventMessage<?>> events = carEvents(JUNE_10, listed(), booked("b-1", june(12), june(15)));

        assertThatThrownBy(() -> AggregateRebuilder.rebuild(CAR, events.subList(1, 2)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static <A> AuditableAggregateType<A> typeOf(Class<A> aggregateClass) {
        AggregateModel<A> model = AnnotatedAggregateMetaModelFactory.inspectAggregate(aggregateClass);
        return new AuditableAggregateType<>(model.type(), aggregateClass, model,
                new GenericAggregateFactory<>(aggregateClass));
    }

    private static CarListed listed() {
        return new CarListed(CAR_ID, "dealer-1", null, null,
                new Location("Berlin", null, null, ZoneId.of("Europe/Berlin")), List.of(),
                new Pricing(new BigDecimal("49.50"), new BigDecimal("18500.00"), EUR), 14, JUNE_10);
    }

    private static CarBooked booked(String bookingId, LocalDate start, LocalDate end) {
        return new CarBooked(CAR_ID, bookingId, "customer-1", new DateRange(start, end), BookingStatus.CONFIRMED,
                new BigDecimal("49.50"), EUR, null, null);
    }

    private static BookingCancelled cancelled(String bookingId, LocalDate start, LocalDate end) {
        return new BookingCancelled(CAR_ID, bookingId, new DateRange(start, end), BookingCancellationReason.ON_REQUEST,
                null);
    }

    private static List<DomainEventMessage<?>> carEvents(Instant at, Object... payloads) {
        List<DomainEventMessage<?>> events = new ArrayList<>();
        for (Object payload : payloads) {
            events.add(message(events.size(), payload, at));
        }
        return events;
    }

    private static DomainEventMessage<?> message(long sequence, Object payload, Instant at) {
        return new GenericDomainEventMessage<>("Car", CAR_ID, sequence, payload, MetaData.emptyInstance(),
                IdentifierFactory.getInstance().generateIdentifier(), at);
    }

    private static DomainEventMessage<?> negotiationMessage(long sequence, Object payload) {
        return new GenericDomainEventMessage<>("Negotiation", "n-1", sequence, payload, MetaData.emptyInstance(),
                IdentifierFactory.getInstance().generateIdentifier(), JUNE_10);
    }

    private static LocalDate june(int day) {
        return LocalDate.of(2026, 6, day);
    }
}
