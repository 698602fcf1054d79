package io.carmarket.api.car;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;

/**
 * Days on which the dealer wants to approve bookings himself: the given weekdays (all days when empty), within the
 * optional half-open date range {@code [from, until)}. A window names weekdays, a date range, or both.
 */
public record PeakWindow(List<DayOfWeek> weekdays, LocalDate from, LocalDate until) {

    public PeakWindow {
        weekdays = weekdays == null ? List.of() : List.copyOf(weekdays);
    }

    public boolean covers(LocalDate day) {
        return (weekdays.isEmpty() || weekdays.contains(day.getDayOfWeek()))
                && (from == null || !day.isBefore(from))
                && (until == null || day.isBefore(until));
    }

    /** True when any night of the period falls on a peak day. */
    public boolean touches(DateRange period) {
        return period.startDate().datesUntil(period.endDate()).anyMatch(this::covers);
    }
}
