package io.carmarket.command.negotiation;

import io.carmarket.api.car.CarListed;
import io.carmarket.api.car.CarListingChanged;
import io.carmarket.api.car.CarRelisted;
import io.carmarket.api.car.CarSold;
import io.carmarket.api.car.CarStatus;
import io.carmarket.api.car.CarWithdrawn;
import io.carmarket.api.car.purchase.PurchaseReservationCancelled;
import io.carmarket.api.car.purchase.PurchaseReservationExpired;
import io.carmarket.api.car.purchase.PurchaseReserved;
import io.carmarket.api.negotiation.NegotiationCancelled;
import io.carmarket.api.negotiation.NegotiationEnded;
import io.carmarket.api.negotiation.OfferAccepted;
import io.carmarket.api.negotiation.OfferExpired;
import io.carmarket.api.negotiation.OfferMade;
import io.carmarket.api.negotiation.OfferRejected;
import io.carmarket.command.deadline.DeadlineKind;
import io.carmarket.command.deadline.Deadlines;
import jakarta.annotation.PostConstruct;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import java.util.Currency;
import java.util.Optional;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/**
 * What the write side must know before a negotiation opens, kept in step with the events by a subscribing
 * processor (so it is current when the next command arrives):
 * <ul>
 *     <li>{@code negotiable_cars}: each car's dealer, currency, whether it is offered for sale, and its status;</li>
 *     <li>{@code open_negotiations}: one row per buyer and car while a negotiation is open; its key is unique, so of
 *     two concurrent openings only one can claim it (SPEC 2.2: one open negotiation per customer per car);</li>
 *     <li>the offer-response deadline of each open negotiation, in {@link Deadlines}.</li>
 * </ul>
 */
@Component
@ProcessingGroup(NegotiationLookups.PROCESSING_GROUP)
public class NegotiationLookups {

    public static final String PROCESSING_GROUP = "negotiation-lookups";
    static final String CARS = "negotiable_cars";
    static final String OPEN = "open_negotiations";

    private final MongoTemplate mongoTemplate;
    private final Deadlines deadlines;

    public NegotiationLookups(MongoTemplate mongoTemplate, Deadlines deadlines) {
        this.mongoTemplate = mongoTemplate;
        this.deadlines = deadlines;
    }

    @PostConstruct
    void ensureIndexes() {
        mongoTemplate.indexOps(OPEN).createIndex(new Index("negotiationId", Sort.Direction.ASC));
    }

    /** The car as a negotiation needs it, if the write side knows it. */
    public Optional<NegotiableCar> car(String carId) {
        Document car = mongoTemplate.findById(carId, Document.class, CARS);
        return Optional.ofNullable(car).map(found -> new NegotiableCar(carId, found.getString("dealerId"),
                Currency.getInstance(found.getString("currency")), found.getBoolean("forSale", false),
                CarStatus.valueOf(found.getString("status"))));
    }

    /** @return false when this buyer already has an open negotiation on this car */
    public boolean claim(String buyerId, String carId, String negotiationId) {
        try {
            mongoTemplate.insert(new Document("_id", buyerId + ":" + carId).append("negotiationId", negotiationId),
                    OPEN);
            return true;
        } catch (DuplicateKeyException alreadyOpen) {
            return false;
        }
    }

    public void release(String negotiationId) {
        mongoTemplate.remove(Query.query(where("negotiationId").is(negotiationId)), OPEN);
    }

    @EventHandler
    void on(CarListed event) {
        mongoTemplate.upsert(byId(event.carId()), new Update().set("dealerId", event.dealerId())
                .set("currency", event.pricing().currency().getCurrencyCode())
                .set("forSale", event.pricing().offersSale()).set("status", CarStatus.LISTED.name()), CARS);
    }

    @EventHandler
    void on(CarListingChanged event) {
        if (event.changes().askingPrice() != null) {
            mongoTemplate.updateFirst(byId(event.carId()), new Update().set("forSale", true), CARS);
        }
    }

    @EventHandler
    void on(CarWithdrawn event) {
        status(event.carId(), CarStatus.WITHDRAWN);
    }

    @EventHandler
    void on(CarRelisted event) {
        status(event.carId(), CarStatus.LISTED);
    }

    @EventHandler
    void on(PurchaseReserved event) {
        status(event.carId(), CarStatus.RESERVED);
    }

    @EventHandler
    void on(PurchaseReservationCancelled event) {
        status(event.carId(), CarStatus.LISTED);
    }

    @EventHandler
    void on(PurchaseReservationExpired event) {
        status(event.carId(), CarStatus.LISTED);
    }

    @EventHandler
    void on(CarSold event) {
        status(event.carId(), CarStatus.SOLD);
    }

    @EventHandler
    void on(OfferMade event) {
        deadlines.schedule(DeadlineKind.OFFER_RESPONSE, event.negotiationId(), event.negotiationId(),
                Integer.toString(event.offerNumber()), event.expiresAt());
    }

    @EventHandler
    void on(OfferAccepted event) {
        closed(event.negotiationId());
    }

    @EventHandler
    void on(OfferRejected event) {
        closed(event.negotiationId());
    }

    @EventHandler
    void on(NegotiationCancelled event) {
        closed(event.negotiationId());
    }

    @EventHandler
    void on(OfferExpired event) {
        closed(event.negotiationId());
    }

    @EventHandler
    void on(NegotiationEnded event) {
        closed(event.negotiationId());
    }

    /** No longer open: the buyer may open another one on the car, and no offer is waiting for an answer. */
    private void closed(String negotiationId) {
        release(negotiationId);
        deadlines.cancel(DeadlineKind.OFFER_RESPONSE, negotiationId);
    }

    private void status(String carId, CarStatus status) {
        mongoTemplate.updateFirst(byId(carId), new Update().set("status", status.name()), CARS);
    }

    private static Query byId(String id) {
        return Query.query(where("_id").is(id));
    }

    /** A car as seen by a negotiation: who sells it, in which currency, and whether it can be bought now. */
    public record NegotiableCar(String carId, String dealerId, Currency currency, boolean forSale, CarStatus status) {

        public boolean isOpenToOffers() {
            return forSale && status == CarStatus.LISTED;
        }
    }
}
