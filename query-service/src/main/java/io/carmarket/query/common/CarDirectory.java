package io.carmarket.query.common;

import io.carmarket.api.bookings.CarCard;
import io.carmarket.api.car.CarImage;
import io.carmarket.api.car.CarListed;
import io.carmarket.api.car.CarListingChanged;
import io.carmarket.api.car.ListingChanges;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/**
 * A small per-car table kept by one processing group from the car's listing events, so that the group's read
 * model knows a car's dealer and display data when a booking or reservation of it arrives. Each processing group
 * keeps its own (its own collection, named by the projection), because only events of its own processor are
 * guaranteed to have been handled before: {@code CarListed} precedes every booking of the car in the car's event
 * stream, and a processor handles one car's events in order. It is also why each read model can be replayed alone.
 * <p>
 * Document: {@code {_id: carId, version, dealerId, car: {make, model, city, primaryImageUrl}}}, where
 * {@code version} is the sequence number of the last listing event applied; updates are guarded by it, so a
 * redelivered or older event changes nothing.
 */
public final class CarDirectory {

    /** Field names of {@link CarCard} as stored inside documents that embed it. */
    private static final String MAKE = "make";
    private static final String MODEL = "model";
    private static final String CITY = "city";
    private static final String PRIMARY_IMAGE_URL = "primaryImageUrl";

    private static final String ID = "_id";
    private static final String VERSION = "version";
    private static final String DEALER_ID = "dealerId";
    private static final String CAR = "car";

    private final MongoTemplate mongoTemplate;
    private final String collection;
    private final VersionGuard versions;

    public CarDirectory(MongoTemplate mongoTemplate, String collection) {
        this.mongoTemplate = mongoTemplate;
        this.collection = collection;
        this.versions = new VersionGuard(mongoTemplate, collection);
    }

    /** What the directory knows of a car: its dealer, its display data, and the listing event they are from. */
    public record KnownCar(String dealerId, CarCard card, long version) {

        /** A car whose listing was never seen: nobody but admins will see its bookings. */
        public static final KnownCar UNKNOWN = new KnownCar(null, new CarCard(null, null, null, null), -1);
    }

    /** The unique index {@link VersionGuard} answers guarded writes from on the embedded server. */
    public void ensureIndexes() {
        versions.ensureIndex();
    }

    /** Records a newly listed car; an insert-only upsert, so a redelivered {@code CarListed} changes nothing. */
    public void recordListing(CarListed event, long sequenceNumber) {
        CarCard card = new CarCard(event.description().make(), event.description().model(),
                event.location() == null ? null : event.location().city(), primaryImageUrl(event.images()));
        Update insertOnce = new Update()
                .setOnInsert(VERSION, sequenceNumber)
                .setOnInsert(DEALER_ID, event.dealerId())
                .setOnInsert(CAR, toDocument(card));
        mongoTemplate.upsert(Query.query(where(ID).is(event.carId())), insertOnce, collection);
        forgetReadInBatch(event.carId());
    }

    /**
     * Applies the display parts of a changed listing (once: only while the car's {@code version} is below the
     * event's sequence number) and returns them by {@link CarCard} field name, for a read model that embeds the
     * card; empty when the change touched nothing shown.
     */
    public Map<String, Object> applyListingChange(CarListingChanged event, long sequenceNumber) {
        Map<String, Object> shown = shownChanges(event.changes());
        if (!shown.isEmpty()) {
            Update update = new Update();
            shown.forEach((field, value) -> update.set(CAR + "." + field, value));
            versions.applyOnce(event.carId(), sequenceNumber, update);
            forgetReadInBatch(event.carId());
        }
        return shown;
    }

    /**
     * The car's dealer and display data, or {@link KnownCar#UNKNOWN} if its listing was never seen. Within a
     * processor's batch the first call reads the cars of all the batch's events with one query, and the batch's
     * later calls are answered from what it read (D32); the directory's own writes in the batch are read again.
     * Nothing is remembered beyond the batch, so another instance's writes between batches are always seen.
     */
    public KnownCar findOrUnknown(String carId) {
        Optional<ProjectionBatch> batch = ProjectionBatch.current();
        if (batch.isEmpty()) {
            return readAll(Set.of(carId)).getOrDefault(carId, KnownCar.UNKNOWN);
        }
        CarsReadInBatch read = batch.get().writesOf(this, CarsReadInBatch::new);
        if (!read.cars.containsKey(carId)) {
            // The batch's other aggregates may be negotiations, not cars: their ids simply find nothing.
            Set<String> ids = ProjectionBatch.aggregatesToRead(carId, read.cars::containsKey);
            Map<String, KnownCar> found = readAll(ids);
            ids.forEach(id -> read.cars.put(id, found.getOrDefault(id, KnownCar.UNKNOWN)));
        }
        return read.cars.get(carId);
    }

    /** Empties the directory before a replay, which rebuilds it from the listing events. */
    public void clear() {
        mongoTemplate.remove(new Query(), collection);
        versions.forgetKnownVersions();
    }

    /** A write of the directory within a batch: what the batch read of that car no longer holds. */
    private void forgetReadInBatch(String carId) {
        ProjectionBatch.current().flatMap(batch -> batch.heldBy(this))
                .ifPresent(read -> ((CarsReadInBatch) read).cars.remove(carId));
    }

    private Map<String, KnownCar> readAll(Set<String> carIds) {
        Document query = carIds.size() == 1
                ? new Document(ID, carIds.iterator().next())
                : new Document(ID, new Document("$in", List.copyOf(carIds)));
        Map<String, KnownCar> found = new HashMap<>();
        for (Document stored : mongoTemplate.getCollection(collection).find(query)) {
            found.put(stored.getString(ID), knownCarOf(stored));
        }
        return found;
    }

    private static KnownCar knownCarOf(Document found) {
        Document car = found.get(CAR, Document.class);
        CarCard card = car == null ? KnownCar.UNKNOWN.card()
                : new CarCard(car.getString(MAKE), car.getString(MODEL), car.getString(CITY),
                car.getString(PRIMARY_IMAGE_URL));
        Number version = found.get(VERSION, Number.class);
        return new KnownCar(found.getString(DEALER_ID), card, version == null ? -1 : version.longValue());
    }

    /** The cars one batch has read. Held in the batch like its writes, so that it ends with the batch. */
    private static final class CarsReadInBatch implements ProjectionBatch.Writes {

        private final Map<String, KnownCar> cars = new HashMap<>();

        @Override
        public void write() {
            // Nothing to write: what was read is dropped with the batch.
        }
    }

    private static Map<String, Object> shownChanges(ListingChanges changes) {
        Map<String, Object> shown = new LinkedHashMap<>();
        if (changes == null) {
            return shown;
        }
        if (changes.make() != null) {
            shown.put(MAKE, changes.make());
        }
        if (changes.model() != null) {
            shown.put(MODEL, changes.model());
        }
        if (changes.location() != null) {
            shown.put(CITY, changes.location().city());
        }
        if (changes.images() != null) {
            shown.put(PRIMARY_IMAGE_URL, primaryImageUrl(changes.images()));
        }
        return shown;
    }

    /** The image marked primary, else the first one, else none. */
    private static String primaryImageUrl(List<CarImage> images) {
        if (images == null || images.isEmpty()) {
            return null;
        }
        return images.stream().filter(CarImage::primary).map(CarImage::url).findFirst()
                .orElse(images.get(0).url());
    }

    private static Document toDocument(CarCard card) {
        Document document = new Document();
        document.put(MAKE, card.make());
        document.put(MODEL, card.model());
        document.put(CITY, card.city());
        document.put(PRIMARY_IMAGE_URL, card.primaryImageUrl());
        return document;
    }
}
