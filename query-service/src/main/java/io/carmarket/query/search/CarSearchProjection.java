package io.carmarket.query.search;

import io.carmarket.api.car.BookingCancelled;
import io.carmarket.api.car.CarBooked;
import io.carmarket.api.car.CarListed;
import io.carmarket.api.car.CarRelisted;
import io.carmarket.api.car.CarStatus;
import io.carmarket.api.car.CarWithdrawn;
import io.carmarket.query.search.CarSearchEntry.BookedPeriod;
import io.carmarket.query.search.CarSearchEntry.Fields;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import java.util.Locale;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/**
 * Projects cars and their live bookings into the {@link CarSearchEntry} read model.
 * <p>
 * MongoDB writes and the processor's token update are not one transaction, so an event may arrive twice. Every
 * write is therefore guarded by the car's event sequence number: an event whose number the document has already
 * reached changes nothing.
 */
@Component
@ProcessingGroup(CarSearchProjection.PROCESSING_GROUP)
public class CarSearchProjection {

    public static final String PROCESSING_GROUP = "car-search";

    private final MongoTemplate mongoTemplate;

    public CarSearchProjection(MongoTemplate mongoTemplate) {
        this.mongoTemplate = mongoTemplate;
    }

    @EventHandler
    void on(CarListed event, @SequenceNumber long sequenceNumber) {
        CarSearchEntry entry = new CarSearchEntry(
                event.carId(), sequenceNumber, CarStatus.LISTED,
                event.description().make(), searchKey(event.description().make()),
                event.description().model(), event.description().variant(), event.description().year(),
                event.description().bodyType(), event.description().transmission(), event.description().fuelType(),
                event.description().mileage(), event.description().color(), event.description().seats(),
                event.description().features(), event.description().description(),
                event.location().city(), event.location().latitude(), event.location().longitude(),
                event.images(), event.pricing().dailyRate(), event.pricing().askingPrice(),
                event.pricing().currency().getCurrencyCode(), event.maxBookingDays(), event.listedAt(), null);
        Document document = new Document();
        mongoTemplate.getConverter().write(entry, document);
        Update insertOnce = new Update();
        document.forEach((field, value) -> {
            if (!Fields.ID.equals(field)) {
                insertOnce.setOnInsert(field, value);
            }
        });
        mongoTemplate.upsert(byId(event.carId()), insertOnce, CarSearchEntry.class);
    }

    @EventHandler
    void on(CarBooked event, @SequenceNumber long sequenceNumber) {
        if (!event.status().isLive()) {
            return;
        }
        BookedPeriod period = new BookedPeriod(event.bookingId(), event.period().startDate().toString(),
                event.period().endDate().toString());
        applyOnce(event.carId(), sequenceNumber, new Update().push(Fields.BOOKED_PERIODS, period));
    }

    @EventHandler
    void on(BookingCancelled event, @SequenceNumber long sequenceNumber) {
        applyOnce(event.carId(), sequenceNumber,
                new Update().pull(Fields.BOOKED_PERIODS, new Document(Fields.BOOKING_ID, event.bookingId())));
    }

    @EventHandler
    void on(CarWithdrawn event, @SequenceNumber long sequenceNumber) {
        applyOnce(event.carId(), sequenceNumber, new Update().set(Fields.STATUS, CarStatus.WITHDRAWN));
    }

    @EventHandler
    void on(CarRelisted event, @SequenceNumber long sequenceNumber) {
        applyOnce(event.carId(), sequenceNumber, new Update().set(Fields.STATUS, CarStatus.LISTED));
    }

    @ResetHandler
    void clearBeforeReplay() {
        mongoTemplate.remove(new Query(), CarSearchEntry.class);
    }

    private void applyOnce(String carId, long sequenceNumber, Update update) {
        Query notYetApplied = Query.query(where(Fields.ID).is(carId).and(Fields.VERSION).lt(sequenceNumber));
        mongoTemplate.updateFirst(notYetApplied, update.set(Fields.VERSION, sequenceNumber), CarSearchEntry.class);
    }

    private static Query byId(String carId) {
        return Query.query(where(Fields.ID).is(carId));
    }

    static String searchKey(String text) {
        return text == null ? null : text.trim().toLowerCase(Locale.ROOT);
    }
}
