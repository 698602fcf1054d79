package io.carmarket.benchmark.search;

import com.mongodb.client.MongoClient;
import io.carmarket.api.car.BodyType;
import io.carmarket.api.car.CarDescription;
import io.carmarket.api.car.CarListed;
import io.carmarket.api.car.FuelType;
import io.carmarket.api.car.Location;
import io.carmarket.api.car.Pricing;
import io.carmarket.api.car.Transmission;
import io.carmarket.api.car.VehicleRegistration;
import io.carmarket.benchmark.search.Catalogue.Model;
import io.carmarket.query.search.CarSearchEntry;
import io.carmarket.query.search.CarSearchProjection;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The derived search fields of the catalogue (make key, search tokens, city key) exactly as the production
 * projection computes them: one probe listing per model and city goes through {@link CarSearchProjection} (invoked
 * by Axon's own handler adapter, as the event processor does) into a scratch database, and is read back. The bulk
 * of the generated documents then reuses these values instead of re-implementing the normalisation.
 */
final class ProjectedVocabulary {

    private static final String SCRATCH_DATABASE = "carmarket-benchmark-vocabulary";
    private static final String PROBE_PREFIX = "probe-";
    private static final String AGGREGATE_TYPE = "Car";
    private static final long FIRST_SEQUENCE_NUMBER = 0;
    private static final ZoneId ZONE = ZoneId.of("Europe/Berlin");
    private static final String PROBE_DEALER = "benchmark-dealer";
    private static final int PROBE_YEAR = 2020;
    private static final int PROBE_SEATS = 5;
    private static final String PROBE_CURRENCY = "EUR";
    private static final int PROBE_MAX_BOOKING_DAYS = 30;

    record Keys(String makeKey, List<String> searchTokens) {
    }

    private final Map<Model, Keys> models;
    private final Map<String, String> cityKeys;

    private ProjectedVocabulary(Map<Model, Keys> models, Map<String, String> cityKeys) {
        this.models = models;
        this.cityKeys = cityKeys;
    }

    static ProjectedVocabulary derive(MongoClient client) {
        MongoTemplate scratch = EmbeddedReadModelStore.template(client, SCRATCH_DATABASE);
        AnnotationEventHandlerAdapter projection = new AnnotationEventHandlerAdapter(new CarSearchProjection(scratch));
        int probes = Math.max(Catalogue.MODELS.size(), Catalogue.CITIES.size());
        Map<String, Model> modelOfProbe = new HashMap<>();
        Map<String, String> cityOfProbe = new HashMap<>();
        for (int i = 0; i < probes; i++) {
            String carId = PROBE_PREFIX + i;
            Model model = Catalogue.MODELS.get(i % Catalogue.MODELS.size());
            String city = Catalogue.CITIES.get(i % Catalogue.CITIES.size());
            modelOfProbe.put(carId, model);
            cityOfProbe.put(carId, city);
            try {
                projection.handle(new GenericDomainEventMessage<>(AGGREGATE_TYPE, carId, FIRST_SEQUENCE_NUMBER,
                        probeListing(carId, model, city)));
            } catch (Exception failure) {
                throw new IllegalStateException("the projection refused probe " + carId, failure);
            }
        }
        Map<Model, Keys> models = new HashMap<>();
        Map<String, String> cityKeys = new HashMap<>();
        for (CarSearchEntry entry : scratch.findAll(CarSearchEntry.class)) {
            models.put(modelOfProbe.get(entry.carId()), new Keys(entry.makeKey(), entry.searchTokens()));
            cityKeys.put(cityOfProbe.get(entry.carId()), entry.cityKey());
        }
        scratch.getDb().drop();
        return new ProjectedVocabulary(models, cityKeys);
    }

    Keys keysOf(Model model) {
        return models.get(model);
    }

    String cityKeyOf(String city) {
        return cityKeys.get(city);
    }

    /** Only the make, model, variant and city matter; the rest is any valid listing. */
    private static CarListed probeListing(String carId, Model model, String city) {
        CarDescription description = new CarDescription(model.make(), model.model(), model.variant(), PROBE_YEAR,
                BodyType.SEDAN, Transmission.MANUAL, FuelType.PETROL, 0, null, PROBE_SEATS, List.of(), null);
        return new CarListed(carId, PROBE_DEALER, description, new VehicleRegistration(null, null),
                new Location(city, null, null, ZONE), List.of(),
                new Pricing(BigDecimal.ONE, null, Currency.getInstance(PROBE_CURRENCY)), PROBE_MAX_BOOKING_DAYS,
                Instant.EPOCH);
    }
}
