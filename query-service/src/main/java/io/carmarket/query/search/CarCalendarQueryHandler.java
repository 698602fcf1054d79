package io.carmarket.query.search;

import io.carmarket.api.search.CalendarDay;
import io.carmarket.api.search.CarCalendar;
import io.carmarket.api.search.CarCalendarById;
import io.carmarket.query.search.CarSearchEntry.BookedPeriod;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

/**
 * The day-by-day availability of a public car. A night is unavailable when a live booking holds it, and pending
 * when that booking awaits the dealer's approval. Nothing about who booked is read or answered.
 */
@Component
public class CarCalendarQueryHandler {

    private final MongoTemplate mongoTemplate;
    private final Clock clock;

    @Autowired
    public CarCalendarQueryHandler(MongoTemplate mongoTemplate, ObjectProvider<Clock> clock) {
        this(mongoTemplate, clock.getIfAvailable(Clock::systemUTC));
    }

    CarCalendarQueryHandler(MongoTemplate mongoTemplate, Clock clock) {
        this.mongoTemplate = mongoTemplate;
        this.clock = clock;
    }

    /**
     * Empty when the car is not public (unknown, withdrawn or sold). A missing {@code from} is today in the car's
     * time zone, a missing {@code to} is {@link CarCalendarById#DEFAULT_DAYS} after {@code from}. A resolved range
     * that is empty or longer than {@link CarCalendarById#MAX_DAYS} is answered without days; the caller refuses it.
     */
    @QueryHandler
    public Optional<CarCalendar> calendar(CarCalendarById query) {
        Optional<CarSearchEntry> found = CarEntries.publicCar(mongoTemplate, query.carId());
        if (found.isEmpty()) {
            return Optional.empty();
        }
        CarSearchEntry car = found.get();
        LocalDate from = query.from() != null ? query.from() : LocalDate.now(clock.withZone(zoneOf(car)));
        LocalDate to = query.to() != null ? query.to() : from.plusDays(CarCalendarById.DEFAULT_DAYS);
        LocalDate handover = car.handoverDate() == null ? null : LocalDate.parse(car.handoverDate());
        if (!to.isAfter(from) || ChronoUnit.DAYS.between(from, to) > CarCalendarById.MAX_DAYS) {
            return Optional.of(new CarCalendar(car.carId(), from, to, handover, List.of()));
        }
        List<CalendarDay> days = from.datesUntil(to).map(day -> dayOf(day, car.bookedPeriods())).toList();
        return Optional.of(new CarCalendar(car.carId(), from, to, handover, days));
    }

    private static CalendarDay dayOf(LocalDate day, List<BookedPeriod> periods) {
        String isoDay = day.toString();
        Optional<BookedPeriod> holder = periods.stream().filter(period -> period.holds(isoDay)).findFirst();
        return new CalendarDay(day, holder.isEmpty(), holder.map(BookedPeriod::pending).orElse(false));
    }

    /** The car's zone; UTC for a document without one or with a zone this JVM does not know. */
    private static ZoneId zoneOf(CarSearchEntry car) {
        if (car.timeZone() == null) {
            return ZoneOffset.UTC;
        }
        try {
            return ZoneId.of(car.timeZone());
        } catch (DateTimeException unknown) {
            return ZoneOffset.UTC;
        }
    }
}
