package io.carmarket.query.negotiation;

import io.carmarket.api.car.CarListed;
import io.carmarket.api.car.CarListingChanged;
import io.carmarket.api.negotiation.NegotiationCancelled;
import io.carmarket.api.negotiation.NegotiationEnded;
import io.carmarket.api.negotiation.NegotiationFailed;
import io.carmarket.api.negotiation.NegotiationOpened;
import io.carmarket.api.negotiation.NegotiationStatus;
import io.carmarket.api.negotiation.OfferAccepted;
import io.carmarket.api.negotiation.OfferExpired;
import io.carmarket.api.negotiation.OfferMade;
import io.carmarket.api.negotiation.OfferRejected;
import io.carmarket.api.negotiation.PurchaseArranged;
import io.carmarket.query.common.CarDirectory;
import io.carmarket.query.common.CarDirectory.KnownCar;
import io.carmarket.query.common.DealDocuments;
import io.carmarket.query.negotiation.NegotiationEntry.Fields;
import jakarta.annotation.PostConstruct;
import io.carmarket.query.common.ProjectedReadModel;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.bson.Document;
import org.bson.types.Decimal128;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.index.IndexOperations;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.Date;
import java.util.List;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/**
 * Projects every negotiation into a {@link NegotiationEntry} with its offer history, and keeps its own
 * {@value #CARS_COLLECTION} directory of the cars' display data.
 * <p>
 * Idempotent (D8): a negotiation is created by an upsert that only sets fields on insert, and every later event of
 * the negotiation (an offer appended to the history included) is applied only while the document's {@code version}
 * is below the event's sequence number in the negotiation's stream (see {@link DealDocuments}). An event delivered
 * twice, or an older one re-delivered after a newer one, changes nothing.
 * <p>
 * The car's data comes from another aggregate's stream, which this processor may handle in another segment, so a
 * negotiation may arrive before its car's listing: it then starts without car data ({@code carVersion} -1), and
 * whichever of the two arrives second copies the directory's card into the car's negotiations (guarded by
 * {@code carVersion}, so an older listing never overwrites a newer one).
 */
@Component
@ProcessingGroup(NegotiationProjection.PROCESSING_GROUP)
public class NegotiationProjection implements ProjectedReadModel {

    public static final String PROCESSING_GROUP = "negotiations";
    public static final String CARS_COLLECTION = "negotiation_cars";

    private final MongoTemplate mongoTemplate;
    private final DealDocuments negotiations;
    private final CarDirectory cars;

    public NegotiationProjection(MongoTemplate mongoTemplate) {
        this.mongoTemplate = mongoTemplate;
        this.negotiations = new DealDocuments(mongoTemplate, NegotiationEntry.class);
        this.cars = new CarDirectory(mongoTemplate, CARS_COLLECTION);
    }

    /**
     * For MongoDB 7: the buyer's and the dealer's lists and the admin's list, newest first (the awaiting count
     * uses the first two as well), and the car's negotiations for a listing change.
     */
    @Override
    public String processingGroup() {
        return PROCESSING_GROUP;
    }

    @Override
    public List<String> rebuiltCollections() {
        return List.of(NegotiationEntry.COLLECTION, CARS_COLLECTION);
    }

    @Override
    @PostConstruct
    public void ensureIndexes() {
        IndexOperations indexes = mongoTemplate.indexOps(NegotiationEntry.class);
        indexes.createIndex(newestFirst(Fields.BUYER_ID).named("buyer_newest_first"));
        indexes.createIndex(newestFirst(Fields.DEALER_ID).named("dealer_newest_first"));
        indexes.createIndex(new Index(Fields.OPENED_AT, Sort.Direction.DESC).on(Fields.ID, Sort.Direction.DESC)
                .named("newest_first"));
        indexes.createIndex(new Index(Fields.CAR_ID, Sort.Direction.ASC).named("car"));
        negotiations.ensureVersionIndex();
        cars.ensureIndexes();
    }

    private static Index newestFirst(String party) {
        return new Index(party, Sort.Direction.ASC).on(Fields.OPENED_AT, Sort.Direction.DESC)
                .on(Fields.ID, Sort.Direction.DESC);
    }

    // ---- the car directory -----------------------------------------------------------------------------------

    @EventHandler
    void on(CarListed event, @SequenceNumber long sequenceNumber) {
        cars.recordListing(event, sequenceNumber);
        copyCarIntoNegotiations(event.carId());
    }

    @EventHandler
    void on(CarListingChanged event, @SequenceNumber long sequenceNumber) {
        cars.applyListingChange(event, sequenceNumber);
        copyCarIntoNegotiations(event.carId());
    }

    // ---- the negotiation -------------------------------------------------------------------------------------

    @EventHandler
    void on(NegotiationOpened event, @SequenceNumber long sequenceNumber, @Timestamp Instant openedAt) {
        KnownCar car = cars.findOrUnknown(event.carId());
        NegotiationEntry entry = new NegotiationEntry(event.negotiationId(), sequenceNumber, event.carId(),
                car.card(), car.version(), event.buyerId(), event.dealerId(),
                event.currency() == null ? null : event.currency().getCurrencyCode(), NegotiationStatus.OPEN,
                List.of(), null, null, null, null, null, null, null, null, null, openedAt, openedAt);
        negotiations.insertOnce(entry.negotiationId(), entry);
        if (car.version() < 0) {
            // The listing may have been recorded meanwhile by the segment that handles the car's events.
            copyCarIntoNegotiations(event.carId());
        }
    }

    /** Appends the offer to the history; the other party must answer it by its expiry. */
    @EventHandler
    void on(OfferMade event, @SequenceNumber long sequenceNumber, @Timestamp Instant madeAt) {
        Document offer = new Document(Fields.NUMBER, event.offerNumber())
                .append(Fields.BY, event.by().name())
                .append(Fields.AMOUNT, event.amount() == null ? null : new Decimal128(event.amount()))
                .append(Fields.MESSAGE, event.message())
                .append(Fields.MADE_AT, Date.from(madeAt))
                .append(Fields.EXPIRES_AT, event.expiresAt() == null ? null : Date.from(event.expiresAt()));
        Update update = new Update()
                .push(Fields.OFFERS, offer)
                .set(Fields.LATEST_OFFER_BY, event.by())
                .set(Fields.AWAITING_ANSWER_FROM, event.by().other());
        if (event.expiresAt() == null) {
            update.unset(Fields.ANSWER_DUE_BY);
        } else {
            update.set(Fields.ANSWER_DUE_BY, event.expiresAt());
        }
        negotiations.applyOnce(event.negotiationId(), sequenceNumber, madeAt, update);
    }

    @EventHandler
    void on(OfferAccepted event, @SequenceNumber long sequenceNumber, @Timestamp Instant at) {
        negotiations.applyOnce(event.negotiationId(), sequenceNumber, at, closed(NegotiationStatus.ACCEPTED)
                .set(Fields.AGREED_AMOUNT, event.amount() == null ? null : new Decimal128(event.amount())));
    }

    @EventHandler
    void on(OfferRejected event, @SequenceNumber long sequenceNumber, @Timestamp Instant at) {
        negotiations.applyOnce(event.negotiationId(), sequenceNumber, at, closed(NegotiationStatus.REJECTED)
                .set(Fields.REJECTION_REASON, event.reason()));
    }

    @EventHandler
    void on(NegotiationCancelled event, @SequenceNumber long sequenceNumber, @Timestamp Instant at) {
        negotiations.applyOnce(event.negotiationId(), sequenceNumber, at, closed(NegotiationStatus.CANCELLED));
    }

    @EventHandler
    void on(OfferExpired event, @SequenceNumber long sequenceNumber, @Timestamp Instant at) {
        negotiations.applyOnce(event.negotiationId(), sequenceNumber, at, closed(NegotiationStatus.EXPIRED));
    }

    /** The car is reserved for the buyer at the agreed amount; the negotiation stays ACCEPTED. */
    @EventHandler
    void on(PurchaseArranged event, @SequenceNumber long sequenceNumber, @Timestamp Instant at) {
        negotiations.applyOnce(event.negotiationId(), sequenceNumber, at, new Update().set(Fields.PURCHASE,
                new Document(Fields.RESERVATION_ID, event.reservationId())
                        .append(Fields.ORDER_NUMBER, event.orderNumber())));
    }

    @EventHandler
    void on(NegotiationFailed event, @SequenceNumber long sequenceNumber, @Timestamp Instant at) {
        negotiations.applyOnce(event.negotiationId(), sequenceNumber, at, closed(NegotiationStatus.FAILED)
                .set(Fields.FAILURE_CODE, event.reasonCode())
                .set(Fields.FAILURE_REASON, event.reason()));
    }

    @EventHandler
    void on(NegotiationEnded event, @SequenceNumber long sequenceNumber, @Timestamp Instant at) {
        negotiations.applyOnce(event.negotiationId(), sequenceNumber, at, closed(NegotiationStatus.ENDED)
                .set(Fields.END_REASON, event.reason()));
    }

    @ResetHandler
    void clearBeforeReplay() {
        negotiations.clear();
        cars.clear();
    }

    /** A status in which nobody has to answer anything any more. */
    private static Update closed(NegotiationStatus status) {
        return new Update().set(Fields.STATUS, status).unset(Fields.AWAITING_ANSWER_FROM)
                .unset(Fields.ANSWER_DUE_BY);
    }

    /**
     * Copies the directory's card of the car into those of its negotiations that show an older one (or none): after
     * a listing event, and after a negotiation that arrived before its car's listing.
     */
    private void copyCarIntoNegotiations(String carId) {
        KnownCar car = cars.findOrUnknown(carId);
        if (car.version() < 0) {
            return;
        }
        Document card = new Document("make", car.card().make())
                .append("model", car.card().model())
                .append("city", car.card().city())
                .append("primaryImageUrl", car.card().primaryImageUrl());
        mongoTemplate.updateMulti(
                Query.query(where(Fields.CAR_ID).is(carId).and(Fields.CAR_VERSION).lt(car.version())),
                new Update().set(Fields.CAR, card).set(Fields.CAR_VERSION, car.version()), NegotiationEntry.class);
    }
}
