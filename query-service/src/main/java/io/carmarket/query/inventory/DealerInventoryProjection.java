package io.carmarket.query.inventory;

import io.carmarket.api.car.CarFeatureChanged;
import io.carmarket.api.car.CarListed;
import io.carmarket.api.car.CarListingChanged;
import io.carmarket.api.car.CarRelisted;
import io.carmarket.api.car.CarSold;
import io.carmarket.api.car.CarStatus;
import io.carmarket.api.car.CarWithdrawn;
import io.carmarket.api.car.ListingChanges;
import io.carmarket.api.car.purchase.PurchaseReservationCancelled;
import io.carmarket.api.car.purchase.PurchaseReservationExpired;
import io.carmarket.api.car.purchase.PurchaseReserved;
import io.carmarket.query.common.InsertOnce;
import io.carmarket.query.common.ProjectedReadModel;
import io.carmarket.query.common.QueryIndexes;
import io.carmarket.query.common.VersionGuard;
import io.carmarket.query.inventory.DealerCarEntry.Fields;
import io.carmarket.query.search.SearchText;
import jakarta.annotation.PostConstruct;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.bson.Document;
import org.bson.types.Decimal128;
import org.springframework.data.domain.Sort.Direction;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Projects every car, in every state, into the dealer's inventory ({@link DealerCarEntry}), one document per car.
 * <p>
 * Idempotent: a car is created by an upsert that only sets fields on insert ({@link InsertOnce}), and every later
 * change is a compare-and-set that applies only while the document's {@code version} is below the event's sequence
 * number ({@link VersionGuard}). An event delivered twice, or an older one delivered again after newer ones of the
 * same car, changes nothing. Bookings are not part of this read model: the car's page reads them from the bookings
 * read model.
 */
@Component
@ProcessingGroup(DealerInventoryProjection.PROCESSING_GROUP)
public class DealerInventoryProjection implements ProjectedReadModel {

    public static final String PROCESSING_GROUP = "dealer-inventory";

    /** The VIN's last characters, as dealers quote them, are searchable by themselves. */
    private static final int VIN_TAIL = 6;

    private final MongoTemplate mongoTemplate;
    private final VersionGuard cars;

    public DealerInventoryProjection(MongoTemplate mongoTemplate) {
        this.mongoTemplate = mongoTemplate;
        this.cars = new VersionGuard(mongoTemplate, DealerCarEntry.class);
    }

    @Override
    public String processingGroup() {
        return PROCESSING_GROUP;
    }

    @Override
    public List<String> rebuiltCollections() {
        return List.of(DealerCarEntry.COLLECTION);
    }

    /**
     * The compare-and-set's unique {@code {_id, version}} index, and for MongoDB 7 one index per sort of a dealer's
     * list (the dealer's equality first, then the sort keys; the embedded server ignores non-unique indexes).
     */
    @Override
    @PostConstruct
    public void ensureIndexes() {
        cars.ensureIndex();
        QueryIndexes.ensure(mongoTemplate, DealerCarEntry.COLLECTION, List.of(
                new Index().named("dealer_listedAt").on(Fields.DEALER_ID, Direction.ASC)
                        .on(Fields.LISTED_AT, Direction.DESC).on(Fields.ID, Direction.DESC),
                new Index().named("dealer_makeKey").on(Fields.DEALER_ID, Direction.ASC)
                        .on(Fields.MAKE_KEY, Direction.ASC).on(Fields.ID, Direction.ASC),
                new Index().named("dealer_dailyRate").on(Fields.DEALER_ID, Direction.ASC)
                        .on(Fields.DAILY_RATE_RANK, Direction.ASC).on(Fields.DAILY_RATE, Direction.ASC)
                        .on(Fields.ID, Direction.ASC),
                new Index().named("dealer_askingPrice").on(Fields.DEALER_ID, Direction.ASC)
                        .on(Fields.ASKING_PRICE_RANK, Direction.ASC).on(Fields.ASKING_PRICE, Direction.ASC)
                        .on(Fields.ID, Direction.ASC)));
    }

    @EventHandler
    void on(CarListed event, @SequenceNumber long sequenceNumber) {
        var description = event.description();
        String vin = event.registration() == null ? null : event.registration().vin();
        String plate = event.registration() == null ? null : event.registration().licensePlate();
        BigDecimal dailyRate = event.pricing().dailyRate();
        BigDecimal askingPrice = event.pricing().askingPrice();
        DealerCarEntry entry = new DealerCarEntry(event.carId(), sequenceNumber, event.dealerId(), CarStatus.LISTED,
                false, description.make(), SearchText.key(description.make()), description.model(),
                description.variant(), searchTokens(description.make(), description.model(), description.variant(),
                vin, plate), description.year(), description.bodyType(), description.transmission(),
                description.fuelType(), description.mileage(), description.color(), description.seats(),
                description.features(), description.description(), vin, plate,
                event.location() == null ? null : event.location().city(),
                event.location() == null || event.location().timeZone() == null ? null
                        : event.location().timeZone().getId(),
                event.images(), dailyRate, DealerCarEntry.rankOf(dailyRate), askingPrice,
                DealerCarEntry.rankOf(askingPrice), event.pricing().currency().getCurrencyCode(),
                event.maxBookingDays(), null, null, null, event.listedAt(), event.listedAt());
        InsertOnce.upsert(mongoTemplate, event.carId(), entry);
    }

    /** Only the given parts change; make, model or variant also renew the derived make key and search words. */
    @EventHandler
    void on(CarListingChanged event, @SequenceNumber long sequenceNumber, @Timestamp Instant at) {
        cars.applyOnce(event.carId(), sequenceNumber, stored -> listingChange(stored, event.changes(), at));
    }

    @EventHandler
    void on(CarFeatureChanged event, @SequenceNumber long sequenceNumber, @Timestamp Instant at) {
        cars.applyOnce(event.carId(), sequenceNumber, changedAt(at).set(Fields.FEATURED, event.featured()));
    }

    /** Withdrawing also ends featuring, as in the Car aggregate. */
    @EventHandler
    void on(CarWithdrawn event, @SequenceNumber long sequenceNumber, @Timestamp Instant at) {
        cars.applyOnce(event.carId(), sequenceNumber, changedAt(at)
                .set(Fields.STATUS, CarStatus.WITHDRAWN.name())
                .set(Fields.FEATURED, false));
    }

    @EventHandler
    void on(CarRelisted event, @SequenceNumber long sequenceNumber, @Timestamp Instant at) {
        cars.applyOnce(event.carId(), sequenceNumber, changedAt(at).set(Fields.STATUS, CarStatus.LISTED.name()));
    }

    @EventHandler
    void on(PurchaseReserved event, @SequenceNumber long sequenceNumber, @Timestamp Instant at) {
        cars.applyOnce(event.carId(), sequenceNumber, changedAt(at)
                .set(Fields.STATUS, CarStatus.RESERVED.name())
                .set(Fields.RESERVATION_ID, event.reservationId())
                .set(Fields.HANDOVER_DATE, event.handoverDate() == null ? null : event.handoverDate().toString()));
    }

    @EventHandler
    void on(PurchaseReservationCancelled event, @SequenceNumber long sequenceNumber, @Timestamp Instant at) {
        cars.applyOnce(event.carId(), sequenceNumber, backOnTheMarket(at));
    }

    @EventHandler
    void on(PurchaseReservationExpired event, @SequenceNumber long sequenceNumber, @Timestamp Instant at) {
        cars.applyOnce(event.carId(), sequenceNumber, backOnTheMarket(at));
    }

    /** SOLD is terminal; the completed reservation stays named, the handover has happened. */
    @EventHandler
    void on(CarSold event, @SequenceNumber long sequenceNumber, @Timestamp Instant at) {
        cars.applyOnce(event.carId(), sequenceNumber, changedAt(at)
                .set(Fields.STATUS, CarStatus.SOLD.name())
                .set(Fields.FEATURED, false)
                .set(Fields.RESERVATION_ID, event.reservationId())
                .set(Fields.SOLD_PRICE, event.price() == null ? null : new Decimal128(event.price()))
                .unset(Fields.HANDOVER_DATE));
    }

    @ResetHandler
    void clearBeforeReplay() {
        mongoTemplate.remove(new Query(), DealerCarEntry.class);
        cars.forgetKnownVersions();
    }

    private static Update changedAt(Instant at) {
        return new Update().set(Fields.UPDATED_AT, at);
    }

    private static Update backOnTheMarket(Instant at) {
        return changedAt(at)
                .set(Fields.STATUS, CarStatus.LISTED.name())
                .unset(Fields.RESERVATION_ID)
                .unset(Fields.HANDOVER_DATE);
    }

    private static Update listingChange(Document stored, ListingChanges changes, Instant at) {
        Update update = changedAt(at);
        if (changes.make() != null || changes.model() != null || changes.variant() != null) {
            String make = changes.make() != null ? changes.make() : stored.getString(Fields.MAKE);
            String model = changes.model() != null ? changes.model() : stored.getString(Fields.MODEL);
            String variant = changes.variant() != null ? changes.variant() : stored.getString(Fields.VARIANT);
            update.set(Fields.MAKE, make).set(Fields.MAKE_KEY, SearchText.key(make))
                    .set(Fields.MODEL, model).set(Fields.VARIANT, variant)
                    .set(Fields.SEARCH_TOKENS, searchTokens(make, model, variant, stored.getString(Fields.VIN),
                            stored.getString(Fields.LICENSE_PLATE)));
        }
        setIfGiven(update, Fields.YEAR, changes.year());
        setIfGiven(update, Fields.BODY_TYPE, changes.bodyType() == null ? null : changes.bodyType().name());
        setIfGiven(update, Fields.TRANSMISSION,
                changes.transmission() == null ? null : changes.transmission().name());
        setIfGiven(update, Fields.FUEL_TYPE, changes.fuelType() == null ? null : changes.fuelType().name());
        setIfGiven(update, Fields.MILEAGE, changes.mileage());
        setIfGiven(update, Fields.COLOR, changes.color());
        setIfGiven(update, Fields.SEATS, changes.seats());
        setIfGiven(update, Fields.FEATURES, changes.features());
        setIfGiven(update, Fields.DESCRIPTION, changes.description());
        setIfGiven(update, Fields.IMAGES, changes.images());
        setIfGiven(update, Fields.MAX_BOOKING_DAYS, changes.maxBookingDays());
        if (changes.dailyRate() != null) {
            update.set(Fields.DAILY_RATE, new Decimal128(changes.dailyRate()))
                    .set(Fields.DAILY_RATE_RANK, DealerCarEntry.rankOf(changes.dailyRate()));
        }
        if (changes.askingPrice() != null) {
            update.set(Fields.ASKING_PRICE, new Decimal128(changes.askingPrice()))
                    .set(Fields.ASKING_PRICE_RANK, DealerCarEntry.rankOf(changes.askingPrice()));
        }
        if (changes.location() != null) {
            setIfGiven(update, Fields.CITY, changes.location().city());
            setIfGiven(update, Fields.TIME_ZONE,
                    changes.location().timeZone() == null ? null : changes.location().timeZone().getId());
        }
        return update;
    }

    private static void setIfGiven(Update update, String field, Object value) {
        if (value != null) {
            update.set(field, value);
        }
    }

    /** The words {@code q} is matched against: those of make, model, variant, VIN and plate, and the VIN's tail. */
    static List<String> searchTokens(String make, String model, String variant, String vin, String plate) {
        List<String> tokens = new ArrayList<>(SearchText.tokens(make, model, variant, vin, plate));
        if (vin != null && vin.length() > VIN_TAIL) {
            String tail = vin.substring(vin.length() - VIN_TAIL).toLowerCase(Locale.ROOT);
            if (!tokens.contains(tail)) {
                tokens.add(tail);
            }
        }
        return tokens;
    }
}
