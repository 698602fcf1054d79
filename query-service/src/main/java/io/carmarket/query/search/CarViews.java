package io.carmarket.query.search;

import io.carmarket.api.car.CarDescription;
import io.carmarket.api.car.CarImage;
import io.carmarket.api.car.DateRange;
import io.carmarket.api.search.CarDetails;
import io.carmarket.api.search.CarSummary;
import io.carmarket.query.search.CarSearchEntry.BookedPeriod;
import io.carmarket.query.search.CarSearchEntry.Fields;
import org.springframework.data.mongodb.core.query.Criteria;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/** What the public sees of a {@link CarSearchEntry}, shared by the car queries. */
final class CarViews {

    private CarViews() {
    }

    /** Cars on the market: listed or reserved for purchase (a reserved car can still be booked until handover). */
    static Criteria isPublic() {
        return where(Fields.STATUS).in(CarSearchEntry.PUBLIC_STATUSES);
    }

    static boolean isPublic(CarSearchEntry entry) {
        return CarSearchEntry.PUBLIC_STATUSES.contains(entry.status());
    }

    static CarSummary summaryOf(CarSearchEntry entry, DateRange availability) {
        Boolean available = availability == null ? null : isFree(entry, availability);
        String primaryImage = entry.images().stream().filter(CarImage::primary).map(CarImage::url)
                .findFirst().orElse(null);
        return new CarSummary(entry.carId(), entry.make(), entry.model(), entry.variant(), entry.year(),
                entry.bodyType(), entry.transmission(), entry.fuelType(), entry.mileage(), entry.city(),
                entry.dailyRate(), entry.askingPrice(), entry.currency(), primaryImage, entry.listedAt(),
                entry.featured(), available);
    }

    static CarSummary summaryOf(CarSearchEntry entry) {
        return summaryOf(entry, null);
    }

    static CarDetails detailsOf(CarSearchEntry entry) {
        List<DateRange> booked = entry.bookedPeriods().stream()
                .map(CarViews::rangeOf)
                .sorted(Comparator.comparing(DateRange::startDate))
                .toList();
        return new CarDetails(entry.carId(), entry.status(), entry.featured(),
                new CarDescription(entry.make(), entry.model(), entry.variant(), entry.year(),
                        entry.bodyType(), entry.transmission(), entry.fuelType(), entry.mileage(), entry.color(),
                        entry.seats(), entry.features(), entry.description()),
                entry.city(), entry.latitude(), entry.longitude(), entry.timeZone(), entry.images(),
                entry.dailyRate(), entry.askingPrice(), entry.currency(), entry.maxBookingDays(), entry.listedAt(),
                entry.handoverDate() == null ? null : LocalDate.parse(entry.handoverDate()), booked);
    }

    /** Free for the whole half-open range: no live booking holds any of its nights. */
    private static boolean isFree(CarSearchEntry entry, DateRange range) {
        String start = range.startDate().toString();
        String end = range.endDate().toString();
        return entry.bookedPeriods().stream().noneMatch(period -> period.overlaps(start, end));
    }

    private static DateRange rangeOf(BookedPeriod period) {
        return new DateRange(LocalDate.parse(period.start()), LocalDate.parse(period.end()));
    }
}
