package io.carmarket.query.search;

import com.mongodb.client.model.DeleteOneModel;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.WriteModel;
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
import io.carmarket.query.common.VersionedDocuments;
import io.carmarket.query.search.CarSearchEntry.BookedPeriod;
import io.carmarket.query.search.CarSearchEntry.Fields;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.bson.Document;
import org.bson.types.Decimal128;
import org.springframework.data.util.TypeInformation;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.convert.MongoConverter;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Projects cars, their live bookings and their sale into the {@link CarSearchEntry} read model, and keeps each car's
 * {@link CarSearchKeys} (what the lists filter and sort on) in step with its entry.
 * <p>
 * The entries are {@link VersionedDocuments}: each event changes its car's entry in memory, at most once (MongoDB
 * writes and the processor's position are not one transaction, so an event may arrive twice, or again after later
 * events of the same car), and a batch of events writes each changed entry once, in one bulk write. Events of one
 * car are handled one at a time (Axon's sequencing policy is per aggregate), in order.
 * <p>
 * The keys are derived from the entry when the batch is written: copied again when one of their fields or whether
 * the car is public changed, removed when it left the market. They are written before the entries, so a crash in
 * between leaves keys ahead of their entry, and the repeated batch writes both again.
 */
@Component
@ProcessingGroup(CarSearchProjection.PROCESSING_GROUP)
public class CarSearchProjection {

    public static final String PROCESSING_GROUP = "car-search";

    private static final TypeInformation<?> ENTRY = TypeInformation.of(CarSearchEntry.class);
    private static final TypeInformation<?> PERIOD = TypeInformation.of(BookedPeriod.class);
    private static final List<String> PUBLIC_STATUSES = CarSearchEntry.PUBLIC_STATUSES.stream()
            .map(CarStatus::name).toList();

    private final MongoTemplate mongoTemplate;
    private final MongoConverter converter;
    private final VersionedDocuments entries;

    public CarSearchProjection(MongoTemplate mongoTemplate) {
        this.mongoTemplate = mongoTemplate;
        this.converter = mongoTemplate.getConverter();
        this.entries = new VersionedDocuments(mongoTemplate, CarSearchEntry.COLLECTION, new KeysOfPublicCars());
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
        Document document = new Document();
        converter.write(entry, document);
        document.remove("_class");
        entries.insertOnce(event.carId(), sequenceNumber, document);
    }

    /**
     * Only the given parts change; lists replace the stored ones. Make, model and variant also renew the derived
     * {@code makeKey} and {@code searchTokens}, which need the unchanged parts from the stored document.
     */
    @EventHandler
    void on(CarListingChanged event, @SequenceNumber long sequenceNumber) {
        entries.change(event.carId(), sequenceNumber, car -> changeListing(car, event.changes()));
    }

    @EventHandler
    void on(CarFeatureChanged event, @SequenceNumber long sequenceNumber) {
        entries.change(event.carId(), sequenceNumber, car -> car.put(Fields.FEATURED, event.featured()));
    }

    @EventHandler
    void on(CarBooked event, @SequenceNumber long sequenceNumber) {
        if (!event.status().isLive()) {
            return;
        }
        BookedPeriod period = new BookedPeriod(event.bookingId(), event.period().startDate().toString(),
                event.period().endDate().toString(), event.status());
        entries.change(event.carId(), sequenceNumber, car -> {
            List<Object> periods = new ArrayList<>(periodsOf(car));
            periods.add(converter.convertToMongoType(period, PERIOD));
            car.put(Fields.BOOKED_PERIODS, periods);
        });
    }

    @EventHandler
    void on(BookingApproved event, @SequenceNumber long sequenceNumber) {
        changeBooking(event.carId(), event.bookingId(), sequenceNumber,
                Map.of(Fields.PERIOD_STATUS, BookingStatus.CONFIRMED.name()));
    }

    @EventHandler
    void on(BookingRescheduled event, @SequenceNumber long sequenceNumber) {
        if (!event.status().isLive()) {
            freeDates(event.carId(), event.bookingId(), sequenceNumber);
            return;
        }
        changeBooking(event.carId(), event.bookingId(), sequenceNumber, Map.of(
                Fields.PERIOD_START, event.period().startDate().toString(),
                Fields.PERIOD_END, event.period().endDate().toString(),
                Fields.PERIOD_STATUS, event.status().name()));
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
        entries.change(event.carId(), sequenceNumber, car -> {
            car.put(Fields.STATUS, CarStatus.RESERVED.name());
            car.put(Fields.HANDOVER_DATE, event.handoverDate() == null ? null : event.handoverDate().toString());
        });
    }

    @EventHandler
    void on(PurchaseReservationCancelled event, @SequenceNumber long sequenceNumber) {
        entries.change(event.carId(), sequenceNumber, CarSearchProjection::backOnTheMarket);
    }

    @EventHandler
    void on(PurchaseReservationExpired event, @SequenceNumber long sequenceNumber) {
        entries.change(event.carId(), sequenceNumber, CarSearchProjection::backOnTheMarket);
    }

    /** A sold car leaves the search for good; its later bookings are freed by their own cancellation events. */
    @EventHandler
    void on(CarSold event, @SequenceNumber long sequenceNumber) {
        entries.change(event.carId(), sequenceNumber, car -> {
            car.put(Fields.STATUS, CarStatus.SOLD.name());
            car.put(Fields.FEATURED, false);
            car.remove(Fields.HANDOVER_DATE);
        });
    }

    /** Withdrawing also ends featuring, as in the Car aggregate (which emits no separate event for it). */
    @EventHandler
    void on(CarWithdrawn event, @SequenceNumber long sequenceNumber) {
        entries.change(event.carId(), sequenceNumber, car -> {
            car.put(Fields.STATUS, CarStatus.WITHDRAWN.name());
            car.put(Fields.FEATURED, false);
        });
    }

    @EventHandler
    void on(CarRelisted event, @SequenceNumber long sequenceNumber) {
        entries.change(event.carId(), sequenceNumber, car -> car.put(Fields.STATUS, CarStatus.LISTED.name()));
    }

    @ResetHandler
    void clearBeforeReplay() {
        mongoTemplate.remove(new Query(), CarSearchEntry.class);
        mongoTemplate.remove(new Query(), CarSearchKeys.class);
        entries.forgetWrittenDocuments();
    }

    private static void backOnTheMarket(Document car) {
        car.put(Fields.STATUS, CarStatus.LISTED.name());
        car.remove(Fields.HANDOVER_DATE);
    }

    private void freeDates(String carId, String bookingId, long sequenceNumber) {
        entries.change(carId, sequenceNumber, car -> car.put(Fields.BOOKED_PERIODS, periodsOf(car).stream()
                .filter(period -> !isPeriodOf(period, bookingId)).toList()));
    }

    /** Sets fields of one booking's element of {@code bookedPeriods}; nothing happens if the car does not hold it. */
    private void changeBooking(String carId, String bookingId, long sequenceNumber, Map<String, Object> changes) {
        entries.changeIf(carId, sequenceNumber, car -> {
            List<Object> periods = new ArrayList<>(periodsOf(car));
            for (int position = 0; position < periods.size(); position++) {
                if (isPeriodOf(periods.get(position), bookingId)) {
                    Document changed = new Document((Document) periods.get(position));
                    changed.putAll(changes);
                    periods.set(position, changed);
                    car.put(Fields.BOOKED_PERIODS, periods);
                    return true;
                }
            }
            return false;
        });
    }

    private static List<?> periodsOf(Document car) {
        return car.getList(Fields.BOOKED_PERIODS, Object.class, List.of());
    }

    private static boolean isPeriodOf(Object period, String bookingId) {
        return period instanceof Document document && bookingId.equals(document.getString(Fields.BOOKING_ID));
    }

    private void changeListing(Document car, ListingChanges changes) {
        if (changes.make() != null || changes.model() != null || changes.variant() != null) {
            String make = changes.make() != null ? changes.make() : car.getString(Fields.MAKE);
            String model = changes.model() != null ? changes.model() : car.getString(Fields.MODEL);
            String variant = changes.variant() != null ? changes.variant() : car.getString(Fields.VARIANT);
            car.put(Fields.MAKE, make);
            car.put(Fields.MAKE_KEY, SearchText.key(make));
            car.put(Fields.MODEL, model);
            car.put(Fields.VARIANT, variant);
            car.put(Fields.SEARCH_TOKENS, SearchText.tokens(make, model, variant));
        }
        setIfGiven(car, Fields.YEAR, changes.year());
        setIfGiven(car, Fields.BODY_TYPE, changes.bodyType());
        setIfGiven(car, Fields.TRANSMISSION, changes.transmission());
        setIfGiven(car, Fields.FUEL_TYPE, changes.fuelType());
        setIfGiven(car, Fields.MILEAGE, changes.mileage());
        setIfGiven(car, Fields.COLOR, changes.color());
        setIfGiven(car, Fields.SEATS, changes.seats());
        setIfGiven(car, Fields.FEATURES, changes.features());
        setIfGiven(car, Fields.DESCRIPTION, changes.description());
        setIfGiven(car, Fields.IMAGES, changes.images());
        setIfGiven(car, Fields.MAX_BOOKING_DAYS, changes.maxBookingDays());
        if (changes.dailyRate() != null) {
            car.put(Fields.DAILY_RATE, new Decimal128(changes.dailyRate()));
        }
        if (changes.askingPrice() != null) {
            car.put(Fields.ASKING_PRICE, new Decimal128(changes.askingPrice()));
        }
        Location location = changes.location();
        if (location != null) {
            // A new location replaces the old one; only a missing city or zone keeps the stored one.
            if (location.city() != null) {
                car.put(Fields.CITY, location.city());
                car.put(Fields.CITY_KEY, SearchText.key(location.city()));
            }
            setOrRemove(car, Fields.LATITUDE, location.latitude());
            setOrRemove(car, Fields.LONGITUDE, location.longitude());
            setIfGiven(car, Fields.TIME_ZONE, zoneIdOf(location.timeZone()));
        }
    }

    /** Stores a value as the entry's field of that name is stored (enums by name, records as subdocuments). */
    private void setIfGiven(Document car, String field, Object value) {
        if (value != null) {
            car.put(field, converter.convertToMongoType(value, ENTRY.getRequiredProperty(field)));
        }
    }

    private void setOrRemove(Document car, String field, Object value) {
        if (value != null) {
            setIfGiven(car, field, value);
        } else {
            car.remove(field);
        }
    }

    private static String zoneIdOf(ZoneId zone) {
        return zone == null ? null : zone.getId();
    }

    /**
     * The keys of a public car, copied from its entry when a copied field or whether it is public changed; removed
     * when it leaves the market.
     */
    private final class KeysOfPublicCars implements VersionedDocuments.Derived {

        @Override
        public String collection() {
            return CarSearchKeys.COLLECTION;
        }

        @Override
        public WriteModel<Document> writeFor(String id, Document before, Document after) {
            boolean wasPublic = isPublic(before);
            if (!isPublic(after)) {
                return wasPublic ? new DeleteOneModel<>(new Document(Fields.ID, id)) : null;
            }
            if (wasPublic && CarSearchKeys.COPIED_FIELDS.stream()
                    .allMatch(field -> Objects.equals(before.get(field), after.get(field)))) {
                return null;
            }
            Document keys = new Document();
            converter.write(CarSearchKeys.of(converter.read(CarSearchEntry.class, after)), keys);
            return new ReplaceOneModel<>(new Document(Fields.ID, id), keys, new ReplaceOptions().upsert(true));
        }

        private static boolean isPublic(Document car) {
            return car != null && PUBLIC_STATUSES.contains(car.getString(Fields.STATUS));
        }
    }
}
