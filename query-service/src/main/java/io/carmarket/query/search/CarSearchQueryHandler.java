package io.carmarket.query.search;

import io.carmarket.api.car.CarDescription;
import io.carmarket.api.car.CarImage;
import io.carmarket.api.car.CarStatus;
import io.carmarket.api.car.DateRange;
import io.carmarket.api.search.CarDetails;
import io.carmarket.api.search.CarDetailsById;
import io.carmarket.api.search.CarSearch;
import io.carmarket.api.search.CarSearchPage;
import io.carmarket.api.search.CarSortField;
import io.carmarket.api.search.CarSummary;
import io.carmarket.query.search.CarSearchEntry.BookedPeriod;
import io.carmarket.query.search.CarSearchEntry.Fields;
import org.axonframework.queryhandling.QueryHandler;
import org.bson.types.Decimal128;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/** Answers the public car queries from the {@link CarSearchEntry} read model. */
@Component
public class CarSearchQueryHandler {

    /** Cars in these states appear in the public search and have a public page. */
    static final List<CarStatus> PUBLIC_STATUSES = List.of(CarStatus.LISTED, CarStatus.RESERVED);

    private final MongoTemplate mongoTemplate;

    public CarSearchQueryHandler(MongoTemplate mongoTemplate) {
        this.mongoTemplate = mongoTemplate;
    }

    @QueryHandler
    public CarSearchPage search(CarSearch search) {
        CarSearchOrdering ordering = CarSearchOrdering.of(search);
        List<Criteria> filters = new ArrayList<>();
        filters.add(where(Fields.STATUS).in(PUBLIC_STATUSES));
        if (!search.makes().isEmpty()) {
            filters.add(where(Fields.MAKE_KEY).in(search.makes().stream().map(CarSearchProjection::searchKey).toList()));
        }
        String priceField = CarSearchOrdering.priceField(search.priceType());
        if (search.minPrice() != null) {
            filters.add(where(priceField).gte(new Decimal128(search.minPrice())));
        }
        if (search.maxPrice() != null) {
            filters.add(where(priceField).lte(new Decimal128(search.maxPrice())));
        }
        if (search.sortField() == CarSortField.PRICE) {
            filters.add(where(priceField).ne(null));
        }
        if (search.cursor() != null) {
            filters.add(ordering.after(CarSearchCursor.decode(search.cursor(), ordering.key())));
        }

        Query query = Query.query(new Criteria().andOperator(filters)).with(ordering.sort()).limit(search.limit() + 1);
        List<CarSearchEntry> found = mongoTemplate.find(query, CarSearchEntry.class);
        boolean hasMore = found.size() > search.limit();
        List<CarSearchEntry> page = hasMore ? found.subList(0, search.limit()) : found;

        String nextCursor = hasMore
                ? new CarSearchCursor(ordering.key(), ordering.sortValueOf(page.get(page.size() - 1)),
                page.get(page.size() - 1).carId()).encode()
                : null;
        return new CarSearchPage(page.stream().map(entry -> summaryOf(entry, search.availability())).toList(),
                nextCursor);
    }

    @QueryHandler
    public Optional<CarDetails> details(CarDetailsById query) {
        Query publicCar = Query.query(where(Fields.ID).is(query.carId()).and(Fields.STATUS).in(PUBLIC_STATUSES));
        return Optional.ofNullable(mongoTemplate.findOne(publicCar, CarSearchEntry.class)).map(this::detailsOf);
    }

    private CarSummary summaryOf(CarSearchEntry entry, DateRange availability) {
        Boolean available = availability == null ? null : isFree(entry, availability);
        String primaryImage = entry.images().stream().filter(CarImage::primary).map(CarImage::url)
                .findFirst().orElse(null);
        return new CarSummary(entry.carId(), entry.make(), entry.model(), entry.variant(), entry.year(),
                entry.bodyType(), entry.transmission(), entry.fuelType(), entry.mileage(), entry.city(),
                entry.dailyRate(), entry.askingPrice(), entry.currency(), primaryImage, entry.listedAt(), available);
    }

    private static boolean isFree(CarSearchEntry entry, DateRange range) {
        String start = range.startDate().toString();
        String end = range.endDate().toString();
        return entry.bookedPeriods().stream().noneMatch(period -> period.overlaps(start, end));
    }

    private CarDetails detailsOf(CarSearchEntry entry) {
        List<DateRange> booked = entry.bookedPeriods().stream()
                .map(CarSearchQueryHandler::rangeOf)
                .sorted(Comparator.comparing(DateRange::startDate))
                .toList();
        return new CarDetails(entry.carId(), entry.status(),
                new CarDescription(entry.make(), entry.model(), entry.variant(), entry.year(),
                        entry.bodyType(), entry.transmission(), entry.fuelType(), entry.mileage(), entry.color(),
                        entry.seats(), entry.features(), entry.description()),
                entry.city(), entry.latitude(), entry.longitude(), entry.images(), entry.dailyRate(),
                entry.askingPrice(), entry.currency(), entry.maxBookingDays(), entry.listedAt(), booked);
    }

    private static DateRange rangeOf(BookedPeriod period) {
        return new DateRange(LocalDate.parse(period.start()), LocalDate.parse(period.end()));
    }
}
