package io.carmarket.query.dashboard;

import io.carmarket.api.car.BookingApprovalExpired;
import io.carmarket.api.car.BookingApproved;
import io.carmarket.api.car.BookingCancelled;
import io.carmarket.api.car.BookingRejected;
import io.carmarket.api.car.BookingRescheduled;
import io.carmarket.api.car.BookingStatus;
import io.carmarket.api.car.CarBooked;
import io.carmarket.api.car.CarDescription;
import io.carmarket.api.car.CarListed;
import io.carmarket.api.car.CarListingChanged;
import io.carmarket.api.car.CarRelisted;
import io.carmarket.api.car.CarSold;
import io.carmarket.api.car.CarStatus;
import io.carmarket.api.car.CarWithdrawn;
import io.carmarket.api.car.purchase.InspectionScheduled;
import io.carmarket.api.car.purchase.PurchaseCompleted;
import io.carmarket.api.car.purchase.PurchaseReservationCancelled;
import io.carmarket.api.car.purchase.PurchaseReservationConfirmed;
import io.carmarket.api.car.purchase.PurchaseReservationExpired;
import io.carmarket.api.car.purchase.PurchaseReservationStatus;
import io.carmarket.api.car.purchase.PurchaseReserved;
import io.carmarket.api.identity.UserRegistered;
import io.carmarket.api.negotiation.NegotiationCancelled;
import io.carmarket.api.negotiation.NegotiationEnded;
import io.carmarket.api.negotiation.NegotiationFailed;
import io.carmarket.api.negotiation.NegotiationOpened;
import io.carmarket.api.negotiation.NegotiationStatus;
import io.carmarket.api.negotiation.OfferAccepted;
import io.carmarket.api.negotiation.OfferExpired;
import io.carmarket.api.negotiation.OfferMade;
import io.carmarket.api.negotiation.OfferRejected;
import io.carmarket.query.common.ProjectedReadModel;
import io.carmarket.query.dashboard.Contributions.Target;
import jakarta.annotation.PostConstruct;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.eventhandling.TrackingToken;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Projects every event that moves a dashboard figure into the facts the dashboards know (cars, bookings,
 * negotiations, reservations, users; see {@link Fact}) and the dashboard documents read by key (see
 * {@link DashboardDocuments}). An event moves one or two facts from one state to the next; the documents change by
 * the difference of what the facts contributed before and after ({@link Contributions}), once per event, and then
 * the facts are saved. Live subscribers hear of the change through {@link DashboardUpdates}.
 * <p>
 * One segment in every deployment (application.yml): each document's version is the global position of the last
 * event applied to it, which needs the events in global order.
 */
@Component
@ProcessingGroup(DashboardProjection.PROCESSING_GROUP)
public class DashboardProjection implements ProjectedReadModel {

    public static final String PROCESSING_GROUP = "dashboards";

    private static final Logger log = LoggerFactory.getLogger(DashboardProjection.class);

    private final MongoTemplate mongoTemplate;
    private final DashboardDocuments documents;
    private final DashboardUpdates updates;

    public DashboardProjection(MongoTemplate mongoTemplate, DashboardUpdates updates) {
        this.mongoTemplate = mongoTemplate;
        this.documents = new DashboardDocuments(mongoTemplate);
        this.updates = updates;
    }

    @Override
    public String processingGroup() {
        return PROCESSING_GROUP;
    }

    @Override
    public List<String> rebuiltCollections() {
        List<String> collections = new ArrayList<>(DashboardDocuments.ALL);
        collections.addAll(List.of(CarFacts.COLLECTION, BookingFacts.COLLECTION, NegotiationFacts.COLLECTION,
                ReservationFacts.COLLECTION, UserFacts.COLLECTION));
        return collections;
    }

    @Override
    @PostConstruct
    public void ensureIndexes() {
        documents.ensureIndexes();
    }

    // ---- cars

    @EventHandler
    void on(CarListed event, @Timestamp Instant at, TrackingToken token) {
        CarDescription car = event.description();
        String currency = event.pricing().currency() == null ? null : event.pricing().currency().getCurrencyCode();
        record(token, created(new CarFacts(event.carId(), position(token), event.dealerId(), car.make(), car.model(),
                car.year(), CarStatus.LISTED, event.pricing().offersRental(), event.pricing().askingPrice(), currency,
                event.listedAt() == null ? at : event.listedAt(), null)));
    }

    @EventHandler
    void on(CarListingChanged event, TrackingToken token) {
        record(token, changed(CarFacts.class, event.carId(), token,
                (car, position) -> car.changed(event.changes(), position)));
    }

    @EventHandler
    void on(CarWithdrawn event, TrackingToken token) {
        record(token, carStatus(event.carId(), CarStatus.WITHDRAWN, token));
    }

    @EventHandler
    void on(CarRelisted event, TrackingToken token) {
        record(token, carStatus(event.carId(), CarStatus.LISTED, token));
    }

    @EventHandler
    void on(CarSold event, @Timestamp Instant at, TrackingToken token) {
        record(token, changed(CarFacts.class, event.carId(), token, (car, position) -> car.sold(at, position)));
    }

    // ---- bookings

    @EventHandler
    void on(CarBooked event, @Timestamp Instant at, TrackingToken token) {
        Optional<CarFacts> car = find(CarFacts.class, event.carId());
        if (car.isEmpty()) {
            log.warn("Booking {} of unknown car {} left out of the dashboards", event.bookingId(), event.carId());
            return;
        }
        record(token, created(new BookingFacts(event.bookingId(), position(token), event.carId(),
                car.get().dealerId(), event.customerId(), car.get().title(), car.get().make(), event.status(),
                event.period().startDate(), event.period().endDate(), event.totalPrice(),
                event.currency() == null ? null : event.currency().getCurrencyCode(), at,
                event.approvalDeadline())));
    }

    @EventHandler
    void on(BookingApproved event, TrackingToken token) {
        record(token, bookingStatus(event.bookingId(), BookingStatus.CONFIRMED, token));
    }

    @EventHandler
    void on(BookingRejected event, TrackingToken token) {
        record(token, bookingStatus(event.bookingId(), BookingStatus.REJECTED, token));
    }

    @EventHandler
    void on(BookingApprovalExpired event, TrackingToken token) {
        record(token, bookingStatus(event.bookingId(), BookingStatus.EXPIRED, token));
    }

    @EventHandler
    void on(BookingCancelled event, TrackingToken token) {
        record(token, bookingStatus(event.bookingId(), BookingStatus.CANCELLED, token));
    }

    @EventHandler
    void on(BookingRescheduled event, TrackingToken token) {
        record(token, changed(BookingFacts.class, event.bookingId(), token, (booking, position) ->
                booking.rescheduled(event.period().startDate(), event.period().endDate(), event.status(),
                        event.totalPrice(), event.currency() == null ? null : event.currency().getCurrencyCode(),
                        event.approvalDeadline(), position)));
    }

    // ---- purchase reservations (and the car they reserve)

    @EventHandler
    void on(PurchaseReserved event, TrackingToken token) {
        Optional<CarFacts> car = find(CarFacts.class, event.carId());
        if (car.isEmpty()) {
            log.warn("Reservation {} of unknown car {} left out of the dashboards", event.reservationId(),
                    event.carId());
            return;
        }
        record(token, created(new ReservationFacts(event.reservationId(), position(token), event.carId(),
                        car.get().dealerId(), event.customerId(), car.get().title(), event.orderNumber(),
                        PurchaseReservationStatus.PENDING, event.totalAmount(),
                        event.currency() == null ? null : event.currency().getCurrencyCode(), event.handoverDate(),
                        event.expiresAt())),
                carStatus(event.carId(), CarStatus.RESERVED, token));
    }

    @EventHandler
    void on(PurchaseReservationConfirmed event, TrackingToken token) {
        record(token, reservationStatus(event.reservationId(), PurchaseReservationStatus.CONFIRMED, token));
    }

    @EventHandler
    void on(InspectionScheduled event, TrackingToken token) {
        record(token, reservationStatus(event.reservationId(), PurchaseReservationStatus.INSPECTION_SCHEDULED,
                token));
    }

    @EventHandler
    void on(PurchaseCompleted event, TrackingToken token) {
        record(token, reservationStatus(event.reservationId(), PurchaseReservationStatus.COMPLETED, token));
    }

    @EventHandler
    void on(PurchaseReservationCancelled event, TrackingToken token) {
        record(token, reservationStatus(event.reservationId(), PurchaseReservationStatus.CANCELLED, token),
                carStatus(event.carId(), CarStatus.LISTED, token));
    }

    @EventHandler
    void on(PurchaseReservationExpired event, TrackingToken token) {
        record(token, reservationStatus(event.reservationId(), PurchaseReservationStatus.EXPIRED, token),
                carStatus(event.carId(), CarStatus.LISTED, token));
    }

    // ---- negotiations

    @EventHandler
    void on(NegotiationOpened event, @Timestamp Instant at, TrackingToken token) {
        Optional<CarFacts> car = find(CarFacts.class, event.carId());
        record(token, created(new NegotiationFacts(event.negotiationId(), position(token), event.carId(),
                event.dealerId(), event.buyerId(), car.map(CarFacts::title).orElse(null),
                car.map(CarFacts::askingPrice).orElse(null),
                event.currency() == null ? null : event.currency().getCurrencyCode(), NegotiationStatus.OPEN, null,
                null, null, at, null, null)));
    }

    @EventHandler
    void on(OfferMade event, TrackingToken token) {
        record(token, changed(NegotiationFacts.class, event.negotiationId(), token, (negotiation, position) ->
                negotiation.offered(event.by(), event.amount(), event.expiresAt(), position)));
    }

    @EventHandler
    void on(OfferAccepted event, @Timestamp Instant at, TrackingToken token) {
        record(token, changed(NegotiationFacts.class, event.negotiationId(), token,
                (negotiation, position) -> negotiation.accepted(event.amount(), at, position)));
    }

    @EventHandler
    void on(OfferRejected event, TrackingToken token) {
        record(token, negotiationStatus(event.negotiationId(), NegotiationStatus.REJECTED, token));
    }

    @EventHandler
    void on(OfferExpired event, TrackingToken token) {
        record(token, negotiationStatus(event.negotiationId(), NegotiationStatus.EXPIRED, token));
    }

    @EventHandler
    void on(NegotiationCancelled event, TrackingToken token) {
        record(token, negotiationStatus(event.negotiationId(), NegotiationStatus.CANCELLED, token));
    }

    @EventHandler
    void on(NegotiationFailed event, TrackingToken token) {
        record(token, negotiationStatus(event.negotiationId(), NegotiationStatus.FAILED, token));
    }

    @EventHandler
    void on(NegotiationEnded event, TrackingToken token) {
        record(token, negotiationStatus(event.negotiationId(), NegotiationStatus.ENDED, token));
    }

    // ---- users

    @EventHandler
    void on(UserRegistered event, TrackingToken token) {
        record(token, created(new UserFacts(event.userId(), position(token), event.role(), event.registeredAt())));
    }

    @ResetHandler
    void clearBeforeReplay() {
        documents.clear();
        for (Class<?> facts : List.of(CarFacts.class, BookingFacts.class, NegotiationFacts.class,
                ReservationFacts.class, UserFacts.class)) {
            mongoTemplate.remove(new org.springframework.data.mongodb.core.query.Query(), facts);
        }
    }

    // ---- the steps every event takes

    /** A fact going from {@code before} (absent: new) to {@code after}; nothing when the event was applied. */
    private record Step(Fact before, Fact after) {
    }

    /** A fact's next state at a position. */
    private interface Change<F extends Fact> {
        F apply(F current, long position);
    }

    /** A new fact; nothing when it exists (the event was applied). */
    private Optional<Step> created(Fact fact) {
        Object id = mongoTemplate.getConverter().getMappingContext().getRequiredPersistentEntity(fact.getClass())
                .getIdentifierAccessor(fact).getRequiredIdentifier();
        return mongoTemplate.findById(id, fact.getClass()) == null
                ? Optional.of(new Step(null, fact)) : Optional.empty();
    }

    /** A known fact changed; nothing when it is unknown or has seen this event. */
    private <F extends Fact> Optional<Step> changed(Class<F> type, String id, TrackingToken token, Change<F> change) {
        long position = position(token);
        return find(type, id)
                .filter(current -> current.version() < position)
                .map(current -> new Step(current, change.apply(current, position)));
    }

    private Optional<Step> carStatus(String carId, CarStatus status, TrackingToken token) {
        return changed(CarFacts.class, carId, token, (car, position) -> car.withStatus(status, position));
    }

    private Optional<Step> bookingStatus(String bookingId, BookingStatus status, TrackingToken token) {
        return changed(BookingFacts.class, bookingId, token,
                (booking, position) -> booking.withStatus(status, position));
    }

    private Optional<Step> reservationStatus(String reservationId, PurchaseReservationStatus status,
                                             TrackingToken token) {
        return changed(ReservationFacts.class, reservationId, token,
                (reservation, position) -> reservation.withStatus(status, position));
    }

    private Optional<Step> negotiationStatus(String negotiationId, NegotiationStatus status, TrackingToken token) {
        return changed(NegotiationFacts.class, negotiationId, token,
                (negotiation, position) -> negotiation.closed(status, position));
    }

    private <F> Optional<F> find(Class<F> type, String id) {
        return Optional.ofNullable(mongoTemplate.findById(id, type));
    }

    /** The event's global position: the version its documents and facts get. */
    private static long position(TrackingToken token) {
        return token.position().orElseThrow(() -> new IllegalStateException(
                "The dashboards need the events' global positions; token " + token + " has none"));
    }

    /**
     * Applies the documents' changes of one event's steps, then saves the facts (see {@link DashboardDocuments}
     * for why in this order).
     */
    @SafeVarargs
    private void record(TrackingToken token, Optional<Step>... steps) {
        Contributions before = Contributions.NONE;
        Contributions after = Contributions.NONE;
        List<Fact> changed = new ArrayList<>();
        for (Optional<Step> step : steps) {
            if (step.isPresent()) {
                before = before.plus(step.get().before() == null ? Contributions.NONE
                        : step.get().before().contributions());
                after = after.plus(step.get().after().contributions());
                changed.add(step.get().after());
            }
        }
        Map<Target, Update> documentChanges = Contributions.changesFrom(before, after);
        documents.apply(documentChanges, position(token));
        changed.forEach(mongoTemplate::save);
        updates.documentsChanged(documentChanges.keySet());
    }
}
