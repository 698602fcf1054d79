package io.carmarket.api.dashboards;

import java.time.LocalDate;

/** A car handed to a customer (pick-up, on the booking's first day) or back (return, on its end date). */
public record Handover(String bookingId, String carId, String carTitle, LocalDate date) {
}
