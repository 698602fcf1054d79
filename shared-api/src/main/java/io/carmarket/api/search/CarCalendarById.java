package io.carmarket.api.search;

import java.time.LocalDate;

/**
 * The day-by-day availability of one public car over {@code [from, to)}.
 *
 * @param from first day; when null, today in the car's time zone
 * @param to   day after the last day; when null, {@code from} plus {@link #DEFAULT_DAYS}. At most {@link #MAX_DAYS}
 *             after {@code from}.
 */
public record CarCalendarById(String carId, LocalDate from, LocalDate to) {

    public static final int DEFAULT_DAYS = 60;
    public static final int MAX_DAYS = 366;
}
