package io.carmarket.query.notification;

import io.carmarket.api.bookings.CarCard;
import io.carmarket.api.car.CarSold;
import io.carmarket.api.car.purchase.PurchaseReserved;
import io.carmarket.api.negotiation.NegotiationCancelled;
import io.carmarket.api.negotiation.NegotiationEnded;
import io.carmarket.api.negotiation.NegotiationFailed;
import io.carmarket.api.negotiation.NegotiationOpened;
import io.carmarket.api.negotiation.OfferAccepted;
import io.carmarket.api.negotiation.OfferExpired;
import io.carmarket.api.negotiation.OfferMade;
import io.carmarket.api.negotiation.OfferRejected;
import io.carmarket.api.negotiation.Party;
import io.carmarket.api.negotiation.PurchaseArranged;
import io.carmarket.api.notifications.NotificationType;
import io.carmarket.query.common.CarDirectory;
import io.carmarket.query.common.DashboardChanges;
import io.carmarket.query.common.CarDirectory.KnownCar;
import io.carmarket.query.notification.NotificationTexts.Audience;
import jakarta.annotation.PostConstruct;
import io.carmarket.query.common.ProjectedReadModel;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.bson.Document;
import org.bson.types.Decimal128;
import org.springframework.data.domain.Sort;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import java.util.List;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Currency;
import java.util.Date;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/**
 * The negotiation notifications, in the same processing group as {@link NotificationProjection} (whose
 * {@value NotificationProjection#CARS_COLLECTION} directory it reads for the cars' names):
 * <ul>
 *     <li>an offer tells the party that must answer it; an acceptance tells both parties; a rejection the offer's
 *     maker; a cancellation the dealer; an expiry both; a failure after acceptance both (with the reason code); an
 *     arranged purchase the buyer (with the order number); a negotiation ended because the car was sold its
 *     buyer;</li>
 *     <li>SPEC 2.2, "other open negotiations on a car that gets RESERVED or SOLD are told so": a
 *     {@code PurchaseReserved} or {@code CarSold} tells the buyer of every negotiation on the car that was OPEN at
 *     that moment, except the buyer who reserved or bought it.</li>
 * </ul>
 * Negotiation events do not name the buyer and the dealer (after the opening), so this projection keeps each
 * negotiation's parties in {@value #NEGOTIATIONS_COLLECTION}: {@code {_id: negotiationId, carId, buyerId, dealerId,
 * currency, openedAt, closedAt, agreedAmount}}, where {@code closedAt} is when it left OPEN. The open negotiations
 * of a car are those of the car with no {@code closedAt} (an equality match on {@code carId}).
 * <p>
 * Why an interval, not a set that loses a negotiation when it closes: the car's events and the negotiation's events
 * belong to different aggregates, which the processor may handle in different segments, so the two may arrive in
 * either order. A negotiation ended by the very sale ({@code NegotiationEnded} follows {@code CarSold}) may be
 * handled first; its buyer is still told, because the negotiation was open when the car was sold. For the opposite
 * order (the car's event handled before the negotiation's, e.g. in a replay with several segments) each reservation
 * and sale is remembered in {@value #CAR_SALES_COLLECTION} ({@code {_id: eventId, carId, kind, buyerId, at}}) and a
 * negotiation, when it closes, tells its buyer of those that happened while it was open. Notification ids are
 * derived from the car's event and the recipient either way, so a buyer is told once.
 * <p>
 * Idempotent like the other notifications: insert-only notifications with derived ids, and lookups written by
 * insert-only upserts ({@code closedAt} is set only once).
 */
@Component
@ProcessingGroup(NotificationProjection.PROCESSING_GROUP)
public class NegotiationNotificationProjection implements ProjectedReadModel {

    public static final String NEGOTIATIONS_COLLECTION = "notification_negotiations";
    public static final String CAR_SALES_COLLECTION = "notification_car_sales";

    private static final String ID = "_id";
    private static final String CAR_ID = "carId";
    private static final String BUYER_ID = "buyerId";
    private static final String DEALER_ID = "dealerId";
    private static final String CURRENCY = "currency";
    private static final String OPENED_AT = "openedAt";
    private static final String CLOSED_AT = "closedAt";
    private static final String AGREED_AMOUNT = "agreedAmount";
    private static final String KIND = "kind";
    private static final String AT = "at";

    /** What happened to a car that other negotiating buyers are told of. */
    enum CarSale { RESERVED, SOLD }

    private final MongoTemplate mongoTemplate;
    private final CarDirectory cars;
    private final NotificationWriter writer;

    public NegotiationNotificationProjection(MongoTemplate mongoTemplate) {
        this(mongoTemplate, DashboardChanges.NONE);
    }

    @Autowired
    public NegotiationNotificationProjection(MongoTemplate mongoTemplate, DashboardChanges dashboards) {
        this.mongoTemplate = mongoTemplate;
        this.cars = new CarDirectory(mongoTemplate, NotificationProjection.CARS_COLLECTION);
        this.writer = new NotificationWriter(mongoTemplate, dashboards);
    }

    /** For MongoDB 7: a car's negotiations, and a car's reservations and sales. */
    @Override
    public String processingGroup() {
        return NotificationProjection.PROCESSING_GROUP;
    }

    /** Replayed in place, with the notifications it writes (see {@link NotificationProjection}). */
    @Override
    public List<String> rebuiltCollections() {
        return List.of();
    }

    @Override
    @PostConstruct
    public void ensureIndexes() {
        mongoTemplate.indexOps(NEGOTIATIONS_COLLECTION)
                .createIndex(new Index(CAR_ID, Sort.Direction.ASC).named("car"));
        mongoTemplate.indexOps(CAR_SALES_COLLECTION)
                .createIndex(new Index(CAR_ID, Sort.Direction.ASC).named("car"));
    }

    // ---- a negotiation's own events --------------------------------------------------------------------------

    @EventHandler
    void on(NegotiationOpened event, @Timestamp Instant at) {
        mongoTemplate.upsert(Query.query(where(ID).is(event.negotiationId())), new Update()
                        .setOnInsert(CAR_ID, event.carId())
                        .setOnInsert(BUYER_ID, event.buyerId())
                        .setOnInsert(DEALER_ID, event.dealerId())
                        .setOnInsert(CURRENCY, code(event.currency()))
                        .setOnInsert(OPENED_AT, Date.from(at)),
                NEGOTIATIONS_COLLECTION);
    }

    /** Tells the party that must answer the offer (the opening offer goes to the dealer). */
    @EventHandler
    void on(OfferMade event, @MessageIdentifier String eventId, @Timestamp Instant at) {
        Negotiation negotiation = negotiation(event.negotiationId());
        if (negotiation == null) {
            return;
        }
        Party receiver = event.by().other();
        String currency = event.currency() == null ? negotiation.currency() : code(event.currency());
        notify(eventId, at, negotiation, receiver, NotificationType.NEGOTIATION_OFFER_RECEIVED,
                NotificationTexts.offerReceived(audience(receiver), car(negotiation), event.offerNumber(),
                        event.amount(), currency, event.expiresAt()));
    }

    /** Tells both parties: the acceptance starts the reservation of the car, which concerns both. */
    @EventHandler
    void on(OfferAccepted event, @MessageIdentifier String eventId, @Timestamp Instant at) {
        close(event.negotiationId(), at, event.amount());
        Negotiation negotiation = negotiation(event.negotiationId());
        if (negotiation == null) {
            return;
        }
        String currency = event.currency() == null ? negotiation.currency() : code(event.currency());
        for (Party party : Party.values()) {
            notify(eventId, at, negotiation, party, NotificationType.NEGOTIATION_OFFER_ACCEPTED,
                    NotificationTexts.offerAccepted(audience(party), car(negotiation), event.amount(), currency));
        }
        tellOfSalesWhileOpen(negotiation);
    }

    /** Tells the maker of the rejected offer. */
    @EventHandler
    void on(OfferRejected event, @MessageIdentifier String eventId, @Timestamp Instant at) {
        close(event.negotiationId(), at, null);
        Negotiation negotiation = negotiation(event.negotiationId());
        if (negotiation == null) {
            return;
        }
        Party maker = event.rejectedBy() == null ? null : event.rejectedBy().other();
        if (maker != null) {
            notify(eventId, at, negotiation, maker, NotificationType.NEGOTIATION_OFFER_REJECTED,
                    NotificationTexts.offerRejected(audience(maker), car(negotiation), event.reason()));
        }
        tellOfSalesWhileOpen(negotiation);
    }

    /** Only the buyer cancels; the dealer is told. */
    @EventHandler
    void on(NegotiationCancelled event, @MessageIdentifier String eventId, @Timestamp Instant at) {
        close(event.negotiationId(), at, null);
        Negotiation negotiation = negotiation(event.negotiationId());
        if (negotiation == null) {
            return;
        }
        notify(eventId, at, negotiation, Party.DEALER, NotificationType.NEGOTIATION_CANCELLED,
                NotificationTexts.negotiationCancelled(car(negotiation)));
        tellOfSalesWhileOpen(negotiation);
    }

    /** The system expired it: both are told. */
    @EventHandler
    void on(OfferExpired event, @MessageIdentifier String eventId, @Timestamp Instant at) {
        close(event.negotiationId(), at, null);
        Negotiation negotiation = negotiation(event.negotiationId());
        if (negotiation == null) {
            return;
        }
        for (Party party : Party.values()) {
            notify(eventId, at, negotiation, party, NotificationType.NEGOTIATION_OFFER_EXPIRED,
                    NotificationTexts.offerExpired(audience(party), car(negotiation)));
        }
        tellOfSalesWhileOpen(negotiation);
    }

    /** Tells the buyer the car is theirs to buy, with the order number (the dealer is told by PurchaseReserved). */
    @EventHandler
    void on(PurchaseArranged event, @MessageIdentifier String eventId, @Timestamp Instant at) {
        Negotiation negotiation = negotiation(event.negotiationId());
        if (negotiation == null) {
            return;
        }
        notify(eventId, at, negotiation, Party.BUYER, NotificationType.NEGOTIATION_PURCHASE_ARRANGED,
                NotificationTexts.purchaseArranged(car(negotiation), event.orderNumber(), negotiation.agreedAmount(),
                        negotiation.currency()));
    }

    /** After acceptance the car could not be reserved: both are told, with the car's reason code. */
    @EventHandler
    void on(NegotiationFailed event, @MessageIdentifier String eventId, @Timestamp Instant at) {
        Negotiation negotiation = negotiation(event.negotiationId());
        if (negotiation == null) {
            return;
        }
        for (Party party : Party.values()) {
            notify(eventId, at, negotiation, party, NotificationType.NEGOTIATION_FAILED,
                    NotificationTexts.negotiationFailed(audience(party), car(negotiation), event.reasonCode(),
                            event.reason()));
        }
    }

    /** The car was sold to someone else while it was open: its buyer is told. */
    @EventHandler
    void on(NegotiationEnded event, @MessageIdentifier String eventId, @Timestamp Instant at) {
        close(event.negotiationId(), at, null);
        Negotiation negotiation = negotiation(event.negotiationId());
        if (negotiation == null) {
            return;
        }
        notify(eventId, at, negotiation, Party.BUYER, NotificationType.NEGOTIATION_ENDED,
                NotificationTexts.negotiationEnded(car(negotiation), event.reason()));
        tellOfSalesWhileOpen(negotiation);
    }

    // ---- the car's reservation and sale: other open negotiations are told -------------------------------------

    @EventHandler
    void on(PurchaseReserved event, @MessageIdentifier String eventId, @Timestamp Instant at) {
        carTaken(eventId, at, event.carId(), event.customerId(), CarSale.RESERVED);
    }

    @EventHandler
    void on(CarSold event, @MessageIdentifier String eventId, @Timestamp Instant at) {
        carTaken(eventId, at, event.carId(), event.buyerId(), CarSale.SOLD);
    }

    /**
     * Notifications stay (their ids are stable, so a replay finds them in place and read flags survive); only the
     * lookups are rebuilt.
     */
    @ResetHandler
    void clearLookupsBeforeReplay() {
        mongoTemplate.remove(new Query(), NEGOTIATIONS_COLLECTION);
        mongoTemplate.remove(new Query(), CAR_SALES_COLLECTION);
    }

    // ---- helpers ---------------------------------------------------------------------------------------------

    /** What the lookup knows of a negotiation. */
    record Negotiation(String negotiationId, String carId, String buyerId, String dealerId, String currency,
                       Instant openedAt, Instant closedAt, BigDecimal agreedAmount) {

        String party(Party party) {
            return party == Party.BUYER ? buyerId : dealerId;
        }
    }

    private void carTaken(String eventId, Instant at, String carId, String takenBy, CarSale kind) {
        mongoTemplate.upsert(Query.query(where(ID).is(eventId)), new Update()
                        .setOnInsert(CAR_ID, carId)
                        .setOnInsert(KIND, kind.name())
                        .setOnInsert(BUYER_ID, takenBy)
                        .setOnInsert(AT, Date.from(at)),
                CAR_SALES_COLLECTION);
        Criteria openAtThatMoment = where(CAR_ID).is(carId).and(OPENED_AT).lte(Date.from(at))
                .orOperator(where(CLOSED_AT).is(null), where(CLOSED_AT).gte(Date.from(at)));
        for (Document found : mongoTemplate.getCollection(NEGOTIATIONS_COLLECTION)
                .find(Query.query(openAtThatMoment).getQueryObject())) {
            Negotiation negotiation = toNegotiation(found);
            if (negotiation.buyerId() != null && !negotiation.buyerId().equals(takenBy)) {
                tellOfSale(eventId, at, negotiation, kind);
            }
        }
    }

    /**
     * Once a negotiation has closed, tells its buyer of the car's reservations and sales (by others) while it was
     * open that were handled before the negotiation was known here; those told already are not told again.
     */
    private void tellOfSalesWhileOpen(Negotiation negotiation) {
        if (negotiation.openedAt() == null || negotiation.closedAt() == null) {
            return;
        }
        Query whileOpen = Query.query(where(CAR_ID).is(negotiation.carId())
                .and(AT).gte(Date.from(negotiation.openedAt())).lte(Date.from(negotiation.closedAt())));
        for (Document sale : mongoTemplate.getCollection(CAR_SALES_COLLECTION).find(whileOpen.getQueryObject())) {
            if (!negotiation.buyerId().equals(sale.getString(BUYER_ID))) {
                tellOfSale(sale.getString(ID), sale.getDate(AT).toInstant(), negotiation,
                        CarSale.valueOf(sale.getString(KIND)));
            }
        }
    }

    private void tellOfSale(String carEventId, Instant at, Negotiation negotiation, CarSale kind) {
        KnownCar car = cars.findOrUnknown(negotiation.carId());
        if (kind == CarSale.RESERVED) {
            notify(carEventId, at, negotiation, Party.BUYER, NotificationType.NEGOTIATION_CAR_RESERVED,
                    NotificationTexts.carReservedByAnother(car.card()));
        } else {
            notify(carEventId, at, negotiation, Party.BUYER, NotificationType.NEGOTIATION_CAR_SOLD,
                    NotificationTexts.carSoldToAnother(car.card()));
        }
    }

    /** Records when the negotiation left OPEN (the first time only) and, on acceptance, the agreed amount. */
    private void close(String negotiationId, Instant at, BigDecimal agreedAmount) {
        mongoTemplate.updateFirst(Query.query(where(ID).is(negotiationId).and(CLOSED_AT).is(null)),
                new Update().set(CLOSED_AT, Date.from(at)), NEGOTIATIONS_COLLECTION);
        if (agreedAmount != null) {
            mongoTemplate.updateFirst(Query.query(where(ID).is(negotiationId).and(AGREED_AMOUNT).is(null)),
                    new Update().set(AGREED_AMOUNT, new Decimal128(agreedAmount)), NEGOTIATIONS_COLLECTION);
        }
    }

    private void notify(String eventId, Instant at, Negotiation negotiation, Party recipient, NotificationType type,
                        String message) {
        writer.notifyOnce(eventId, at, negotiation.party(recipient), type, negotiation.carId(), null, null,
                negotiation.negotiationId(), message);
    }

    private Negotiation negotiation(String negotiationId) {
        Document found = mongoTemplate.getCollection(NEGOTIATIONS_COLLECTION).find(new Document(ID, negotiationId))
                .first();
        return found == null ? null : toNegotiation(found);
    }

    private static Negotiation toNegotiation(Document found) {
        Date openedAt = found.getDate(OPENED_AT);
        Date closedAt = found.getDate(CLOSED_AT);
        Object agreed = found.get(AGREED_AMOUNT);
        return new Negotiation(found.getString(ID), found.getString(CAR_ID), found.getString(BUYER_ID),
                found.getString(DEALER_ID), found.getString(CURRENCY),
                openedAt == null ? null : openedAt.toInstant(), closedAt == null ? null : closedAt.toInstant(),
                agreed instanceof Decimal128 decimal ? decimal.bigDecimalValue() : null);
    }

    private CarCard car(Negotiation negotiation) {
        return cars.findOrUnknown(negotiation.carId()).card();
    }

    private static Audience audience(Party party) {
        return party == Party.BUYER ? Audience.CUSTOMER : Audience.DEALER;
    }

    private static String code(Currency currency) {
        return currency == null ? null : currency.getCurrencyCode();
    }
}
