package io.carmarket.query.search;

import io.carmarket.api.car.CarWithdrawn;
import io.carmarket.api.search.CalendarDay;
import io.carmarket.api.search.CarCalendar;
import io.carmarket.api.search.CarCalendarById;
import io.carmarket.query.EmbeddedMongo;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import static io.carmarket.query.search.CarEvents.DAY;
import static io.carmarket.query.search.CarEvents.approved;
import static io.carmarket.query.search.CarEvents.booked;
import static io.carmarket.query.search.CarEvents.bookedPendingApproval;
import static io.carmarket.query.search.CarEvents.cancelled;
import static io.carmarket.query.search.CarEvents.listing;
import static io.carmarket.query.search.CarEvents.purchaseReserved;
import static io.carmarket.query.search.CarEvents.sold;
import static org.assertj.core.api.Assertions.assertThat;

/** The availability calendar: nights held by live bookings, pending ones marked, defaults in the car's zone. */
class CarCalendarQueryHandlerTest {

    /** 23:30 UTC on the last day of February: already 1 March in Berlin and Tokyo, still 28 February in New York. */
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2030-02-28T23:30:00Z"), ZoneOffset.UTC);

    @RegisterExtension
    static final EmbeddedMongo mongo = new EmbeddedMongo();

    private MongoTemplate mongoTemplate;
    private CarSearchProjection projection;
    private CarCalendarQueryHandler queries;

    @BeforeEach
    void aListedCar() {
        mongoTemplate = mongo.template();
        mongoTemplate.remove(new Query(), CarSearchEntry.class);
        mongoTemplate.remove(new Query(), CarSearchKeys.class);
        projection = new CarSearchProjection(mongoTemplate);
        queries = new CarCalendarQueryHandler(mongoTemplate, CLOCK);
        projection.on(listing("car").city("Berlin", "Europe/Berlin").event(), 0);
    }

    @Test
    void a_night_held_by_a_live_booking_is_unavailable_and_pending_while_it_awaits_approval() {
        projection.on(booked("car", "b-1", 1, 3), 1);
        projection.on(bookedPendingApproval("car", "b-2", 3, 4), 2);
        projection.on(booked("car", "b-3", 5, 6), 3);
        projection.on(cancelled("car", "b-3", 5, 6), 4);

        CarCalendar calendar = calendar("car", DAY, DAY.plusDays(6));

        assertThat(calendar.carId()).isEqualTo("car");
        assertThat(calendar.from()).isEqualTo(DAY);
        assertThat(calendar.to()).isEqualTo(DAY.plusDays(6));
        assertThat(calendar.days()).containsExactly(
                new CalendarDay(DAY, true, false),
                new CalendarDay(DAY.plusDays(1), false, false),
                new CalendarDay(DAY.plusDays(2), false, false),
                new CalendarDay(DAY.plusDays(3), false, true),
                new CalendarDay(DAY.plusDays(4), true, false),
                new CalendarDay(DAY.plusDays(5), true, false));
    }

    @Test
    void an_approved_booking_is_no_longer_pending() {
        projection.on(bookedPendingApproval("car", "b-1", 1, 2), 1);
        projection.on(approved("car", "b-1", 1, 2), 2);

        assertThat(calendar("car", DAY.plusDays(1), DAY.plusDays(2)).days())
                .containsExactly(new CalendarDay(DAY.plusDays(1), false, false));
    }

    @Test
    void without_dates_the_calendar_shows_sixty_days_from_today_in_the_cars_zone() {
        projection.on(listing("new-york").city("New York", "America/New_York").event(), 0);

        CarCalendar berlin = calendar("car", null, null);
        CarCalendar newYork = calendar("new-york", null, null);

        assertThat(berlin.from()).isEqualTo(LocalDate.of(2030, 3, 1));
        assertThat(berlin.to()).isEqualTo(LocalDate.of(2030, 4, 30));
        assertThat(berlin.days()).hasSize(60);
        assertThat(newYork.from()).isEqualTo(LocalDate.of(2030, 2, 28));
    }

    @Test
    void without_an_end_the_calendar_shows_sixty_days_from_the_given_start() {
        CarCalendar calendar = calendar("car", LocalDate.of(2030, 6, 1), null);

        assertThat(calendar.to()).isEqualTo(LocalDate.of(2030, 7, 31));
        assertThat(calendar.days()).hasSize(60).allSatisfy(day -> assertThat(day.available()).isTrue());
    }

    @Test
    void a_range_that_is_empty_or_too_long_is_answered_without_days_for_the_caller_to_refuse() {
        assertThat(calendar("car", null, LocalDate.of(2030, 3, 1)).days()).as("to = today").isEmpty();
        assertThat(calendar("car", DAY, DAY.plusDays(367)).days()).isEmpty();
        assertThat(calendar("car", DAY, DAY.plusDays(366)).days()).hasSize(366);
    }

    @Test
    void a_reserved_car_has_a_calendar_with_its_handover_date() {
        projection.on(purchaseReserved("car", "r-1", 9), 1);

        assertThat(calendar("car", DAY, DAY.plusDays(1)).handoverDate()).isEqualTo(DAY.plusDays(9));
    }

    @Test
    void unknown_withdrawn_and_sold_cars_have_no_calendar() {
        projection.on(listing("withdrawn").event(), 0);
        projection.on(new CarWithdrawn("withdrawn"), 1);
        projection.on(purchaseReserved("car", "r-1", 9), 1);
        projection.on(sold("car", "r-1"), 2);

        for (String carId : List.of("no-such-car", "withdrawn", "car")) {
            assertThat(queries.calendar(new CarCalendarById(carId, null, null))).as(carId).isEmpty();
        }
    }

    @Test
    void a_booking_stored_before_statuses_were_kept_counts_as_confirmed() {
        mongoTemplate.getCollection(CarSearchEntry.COLLECTION).updateOne(new Document("_id", "car"),
                new Document("$push", new Document("bookedPeriods",
                        new Document("bookingId", "old").append("start", "2030-03-02").append("end", "2030-03-03"))));

        assertThat(calendar("car", DAY.plusDays(1), DAY.plusDays(2)).days())
                .containsExactly(new CalendarDay(DAY.plusDays(1), false, false));
    }

    private CarCalendar calendar(String carId, LocalDate from, LocalDate to) {
        return queries.calendar(new CarCalendarById(carId, from, to)).orElseThrow();
    }
}
