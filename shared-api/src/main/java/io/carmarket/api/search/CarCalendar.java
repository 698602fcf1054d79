package io.carmarket.api.search;

import java.time.LocalDate;
import java.util.List;

/**
 * One car's days over {@code [from, to)} with the range actually answered (defaults resolved in the car's time
 * zone). A range that is empty or longer than {@link CarCalendarById#MAX_DAYS} is answered without days.
 * {@code handoverDate} is set while the car is reserved for purchase: no booking can start after it.
 */
public record CarCalendar(String carId, LocalDate from, LocalDate to, LocalDate handoverDate, List<CalendarDay> days) {

    public CarCalendar {
        days = days == null ? List.of() : List.copyOf(days);
    }
}
