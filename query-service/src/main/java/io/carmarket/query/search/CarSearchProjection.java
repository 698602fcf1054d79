package io.carmarket.query.search;

import io.carmarket.api.car.BookingApprovalExpired;
import io.carmarket.api.car.BookingApproved;
import io.carmarket.api.car.BookingCancelled;
import io.carmarket.api.car.BookingRejected;
import io.carmarket.api.car.BookingRescheduled;
import io.carmarket.api.car.BookingStatus;
import io.carmarket.api.car.CarBooked;
import io.carmarket.api.car.CarFeatureChanged;
import io.carmarket.api.car.CarListed;
import io.carmarket.api.car.CarListingChanged;
import io.carmarket.api.car.CarRelisted;
import io.carmarket.api.car.CarSold;
import io.carmarket.api.car.CarStatus;
import io.carmarket.api.car.CarWithdrawn;
import io.carmarket.api.car.ListingChanges;
import io.carmarket.api.car.Location;
import io.carmarket.api.car.purchase.PurchaseReservationCancelled;
import io.carmarket.api.car.purchase.PurchaseReservationExpired;
import io.carmarket.api.car.purchase.PurchaseReserved;
import io.carmarket.query.common.InsertOnce;
import io.carmarket.query.common.VersionGuard;
import io.carmarket.query.search.CarSearchEntry.BookedPeriod;
import io.carmarket.query.search.CarSearchEntry.Fields;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.bson.Document;
import org.bson.types.Decimal128;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/**
 * Projects cars, their live bookings and their sale into the {@link CarSearchEntry} read model, and keeps each car's
 * {@link CarSearchKeys} (what the lists filter and sort on) in step with its entry.
 * <p>
 * MongoDB writes and the processor's token update are not one transaction, so an event may arrive twice, or again
 * after later events of the same car. Every write is therefore guarded by the car's event sequence number: an
 * event whose number the document has already reached changes nothing. Events of one car are handled one at a
 * time (Axon's sequencing policy is per aggregate), so a handler may read the document before writing it; the
 * write is still conditional, on the version it read.
 * <p>
 * After every event that can change a field of {@link CarSearchKeys} or whether the car is public, the keys are
 * copied again from the car's current entry (or removed), whether or not this delivery changed the entry: a
 * redelivered event then also repairs keys that an earlier, interrupted delivery did not write. Booking events change
 * neither, so they do not touch the keys.
 */
@Component
@ProcessingGroup(CarSearchProjection.PROCESSING_GROUP)
public class CarSearchProjection {

    public static final String PROCESSING_GROUP = "car-search";

    /** Attempts of a read-then-write update before giving up (and letting the processor retry the event). */

    private final MongoTemplate mongoTemplate;
    private final VersionGuard entries;

    public CarSearchProjection(MongoTemplate mongoTemplate) {
        this.mongoTemplate = mongoTemplate;
        this.entries = new VersionGuard(mongoTemplate, CarSearchEntry.class);
    }

    @EventHandler
    void on(CarListed event, @SequenceNumber long sequenceNumber) {
        Location location = event.location();
        CarSearchEntry entry = new CarSearchEntry(
                event.carId(), sequenceNumber, CarStatus.LISTED, false,
                event.description().make(), SearchText.key(event.description().make()),
                event.description().model(), event.description().variant(),
                SearchText.tokens(event.description().make(), event.description().model(),
                        event.description().variant()),
                event.description().year(),
                event.description().bodyType(), event.description().transmission(), event.description().fuelType(),
                event.description().mileage(), event.description().color(), event.description().seats(),
                event.description().features(), event.description().description(),
                location.city(), SearchText.key(location.city()), location.latitude(), location.longitude(),
                zoneIdOf(location.timeZone()),
                event.images(), event.pricing().dailyRate(), event.pricing().askingPrice(),
                event.pricing().currency().getCurrencyCode(), event.maxBookingDays(), event.listedAt(), null, null);
        InsertOnce.upsert(mongoTemplate, event.carId(), entry);
        refreshKeys(event.carId());
    }

    /**
     * Only the given parts change; lists replace the stored ones. Make, model and variant also renew the derived
     * {@code makeKey} and {@code searchTokens}, which need the unchanged parts from the stored document.
     */
    @EventHandler
    void on(CarListingChanged event, @SequenceNumber long sequenceNumber) {
        applyListingChange(event, sequenceNumber);
        refreshKeys(event.carId());
    }

    private void applyListingChange(CarListingChanged event, long sequenceNumber) {
        entries.applyOnce(event.carId(), sequenceNumber, stored -> listingUpdate(event.changes(),
                mongoTemplate.getConverter().read(CarSearchEntry.class, stored)));
    }

    @EventHandler
    void on(CarFeatureChanged event, @SequenceNumber long sequenceNumber) {
        applyOnce(event.carId(), sequenceNumber, new Update().set(Fields.FEATURED, event.featured()));
        refreshKeys(event.carId());
    }

    @EventHandler
    void on(CarBooked event, @SequenceNumber long sequenceNumber) {
        if (!event.status().isLive()) {
            return;
        }
        BookedPeriod period = new BookedPeriod(event.bookingId(), event.period().startDate().toString(),
                event.period().endDate().toString(), event.status());
        applyOnce(event.carId(), sequenceNumber, new Update().push(Fields.BOOKED_PERIODS, period));
    }

    @EventHandler
    void on(BookingApproved event, @SequenceNumber long sequenceNumber) {
        applyToBooking(event.carId(), event.bookingId(), sequenceNumber,
                Map.of(Fields.PERIOD_STATUS, BookingStatus.CONFIRMED));
    }

    @EventHandler
    void on(BookingRescheduled event, @SequenceNumber long sequenceNumber) {
        if (!event.status().isLive()) {
            freeDates(event.carId(), event.bookingId(), sequenceNumber);
            return;
        }
        applyToBooking(event.carId(), event.bookingId(), sequenceNumber, Map.of(
                Fields.PERIOD_START, event.period().startDate().toString(),
                Fields.PERIOD_END, event.period().endDate().toString(),
                Fields.PERIOD_STATUS, event.status()));
    }

    @EventHandler
    void on(BookingRejected event, @SequenceNumber long sequenceNumber) {
        freeDates(event.carId(), event.bookingId(), sequenceNumber);
    }

    @EventHandler
    void on(BookingApprovalExpired event, @SequenceNumber long sequenceNumber) {
        freeDates(event.carId(), event.bookingId(), sequenceNumber);
    }

    @EventHandler
    void on(BookingCancelled event, @SequenceNumber long sequenceNumber) {
        freeDates(event.carId(), event.bookingId(), sequenceNumber);
    }

    @EventHandler
    void on(PurchaseReserved event, @SequenceNumber long sequenceNumber) {
        applyOnce(event.carId(), sequenceNumber, new Update().set(Fields.STATUS, CarStatus.RESERVED)
                .set(Fields.HANDOVER_DATE, event.handoverDate() == null ? null : event.handoverDate().toString()));
        refreshKeys(event.carId());
    }

    @EventHandler
    void on(PurchaseReservationCancelled event, @SequenceNumber long sequenceNumber) {
        applyOnce(event.carId(), sequenceNumber, backOnTheMarket());
        refreshKeys(event.carId());
    }

    @EventHandler
    void on(PurchaseReservationExpired event, @SequenceNumber long sequenceNumber) {
        applyOnce(event.carId(), sequenceNumber, backOnTheMarket());
        refreshKeys(event.carId());
    }

    /** A sold car leaves the search for good; its later bookings are freed by their own cancellation events. */
    @EventHandler
    void on(CarSold event, @SequenceNumber long sequenceNumber) {
        applyOnce(event.carId(), sequenceNumber, new Update().set(Fields.STATUS, CarStatus.SOLD)
                .set(Fields.FEATURED, false).unset(Fields.HANDOVER_DATE));
        refreshKeys(event.carId());
    }

    /** Withdrawing also ends featuring, as in the Car aggregate (which emits no separate event for it). */
    @EventHandler
    void on(CarWithdrawn event, @SequenceNumber long sequenceNumber) {
        applyOnce(event.carId(), sequenceNumber, new Update().set(Fields.STATUS, CarStatus.WITHDRAWN)
                .set(Fields.FEATURED, false));
        refreshKeys(event.carId());
    }

    @EventHandler
    void on(CarRelisted event, @SequenceNumber long sequenceNumber) {
        applyOnce(event.carId(), sequenceNumber, new Update().set(Fields.STATUS, CarStatus.LISTED));
        refreshKeys(event.carId());
    }

    @ResetHandler
    void clearBeforeReplay() {
        mongoTemplate.remove(new Query(), CarSearchEntry.class);
        mongoTemplate.remove(new Query(), CarSearchKeys.class);
        entries.forgetKnownVersions();
    }

    /**
     * Copies the keys from the car's current entry while it is public, removes them otherwise. Writing by id alone is
     * safe without a version check because the events of one car are handled one at a time, and it is the kind of
     * write the embedded server answers from its id index instead of a scan.
     */
    private void refreshKeys(String carId) {
        CarSearchEntry car = mongoTemplate.findById(carId, CarSearchEntry.class);
        if (car != null && CarViews.isPublic(car)) {
            mongoTemplate.save(CarSearchKeys.of(car));
        } else {
            mongoTemplate.remove(byId(carId), CarSearchKeys.class);
        }
    }

    private static Update backOnTheMarket() {
        return new Update().set(Fields.STATUS, CarStatus.LISTED).unset(Fields.HANDOVER_DATE);
    }

    private void freeDates(String carId, String bookingId, long sequenceNumber) {
        applyOnce(carId, sequenceNumber,
                new Update().pull(Fields.BOOKED_PERIODS, new Document(Fields.BOOKING_ID, bookingId)));
    }

    /**
     * Sets fields of one booking's element of {@code bookedPeriods}; nothing happens if the car does not hold it.
     * The element is addressed by its position in the list as read, which the version check keeps valid.
     */
    private void applyToBooking(String carId, String bookingId, long sequenceNumber, Map<String, Object> changes) {
        entries.applyOnce(carId, sequenceNumber, current -> {
            List<?> periods = current.getList(Fields.BOOKED_PERIODS, Object.class, List.of());
            for (int position = 0; position < periods.size(); position++) {
                if (periods.get(position) instanceof Document period
                        && bookingId.equals(period.getString(Fields.BOOKING_ID))) {
                    Update update = new Update();
                    String element = Fields.BOOKED_PERIODS + "." + position + ".";
                    changes.forEach((field, value) -> update.set(element + field, value));
                    return update;
                }
            }
            return null;
        });
    }

    private void applyOnce(String carId, long sequenceNumber, Update update) {
        entries.applyOnce(carId, sequenceNumber, update);
    }

    private static Update listingUpdate(ListingChanges changes, CarSearchEntry current) {
        Update update = new Update();
        if (changes.make() != null || changes.model() != null || changes.variant() != null) {
            String make = changes.make() != null ? changes.make() : current.make();
            String model = changes.model() != null ? changes.model() : current.model();
            String variant = changes.variant() != null ? changes.variant() : current.variant();
            update.set(Fields.MAKE, make).set(Fields.MAKE_KEY, SearchText.key(make))
                    .set(Fields.MODEL, model).set(Fields.VARIANT, variant)
                    .set(Fields.SEARCH_TOKENS, SearchText.tokens(make, model, variant));
        }
        setIfGiven(update, Fields.YEAR, changes.year());
        setIfGiven(update, Fields.BODY_TYPE, changes.bodyType());
        setIfGiven(update, Fields.TRANSMISSION, changes.transmission());
        setIfGiven(update, Fields.FUEL_TYPE, changes.fuelType());
        setIfGiven(update, Fields.MILEAGE, changes.mileage());
        setIfGiven(update, Fields.COLOR, changes.color());
        setIfGiven(update, Fields.SEATS, changes.seats());
        setIfGiven(update, Fields.FEATURES, changes.features());
        setIfGiven(update, Fields.DESCRIPTION, changes.description());
        setIfGiven(update, Fields.IMAGES, changes.images());
        setIfGiven(update, Fields.MAX_BOOKING_DAYS, changes.maxBookingDays());
        if (changes.dailyRate() != null) {
            update.set(Fields.DAILY_RATE, new Decimal128(changes.dailyRate()));
        }
        if (changes.askingPrice() != null) {
            update.set(Fields.ASKING_PRICE, new Decimal128(changes.askingPrice()));
        }
        Location location = changes.location();
        if (location != null) {
            // A new location replaces the old one; only a missing city or zone keeps the stored one.
            if (location.city() != null) {
                update.set(Fields.CITY, location.city()).set(Fields.CITY_KEY, SearchText.key(location.city()));
            }
            setOrRemove(update, Fields.LATITUDE, location.latitude());
            setOrRemove(update, Fields.LONGITUDE, location.longitude());
            setIfGiven(update, Fields.TIME_ZONE, zoneIdOf(location.timeZone()));
        }
        return update;
    }

    private static void setIfGiven(Update update, String field, Object value) {
        if (value != null) {
            update.set(field, value);
        }
    }

    private static void setOrRemove(Update update, String field, Object value) {
        if (value != null) {
            update.set(field, value);
        } else {
            update.unset(field);
        }
    }

    private static String zoneIdOf(ZoneId zone) {
        return zone == null ? null : zone.getId();
    }

    private static Query byId(String carId) {
        return Query.query(where(Fields.ID).is(carId));
    }
}
