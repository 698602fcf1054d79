package io.carmarket.api.car;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * A span of whole days, half-open: {@code [startDate, endDate)}. A booking from the 1st to the 3rd
 * occupies the nights of the 1st and the 2nd; another booking may start on the 3rd.
 */
public record DateRange(LocalDate startDate, LocalDate endDate) {

    public DateRange {
        Objects.requireNonNull(startDate, "startDate");
        Objects.requireNonNull(endDate, "endDate");
    }

    public boolean overlaps(DateRange other) {
        return startDate.isBefore(other.endDate) && other.startDate.isBefore(endDate);
    }

    public boolean hasNoNights() {
        return !endDate.isAfter(startDate);
    }

    public long days() {
        return ChronoUnit.DAYS.between(startDate, endDate);
    }
}
