package io.carmarket.api.dashboards;

import java.math.BigDecimal;
import java.time.LocalDate;

/** A confirmed booking that has not ended yet. */
public record UpcomingBooking(String bookingId, String carId, String carTitle, LocalDate startDate,
                              LocalDate endDate, BigDecimal totalPrice, String currency) {
}
