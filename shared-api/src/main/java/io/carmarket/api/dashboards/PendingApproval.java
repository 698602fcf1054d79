package io.carmarket.api.dashboards;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/** A booking waiting for the dealer's approval; it expires at {@code expiresAt} unless answered. */
public record PendingApproval(String bookingId, String carId, String carTitle, LocalDate startDate,
                              LocalDate endDate, BigDecimal totalPrice, String currency, Instant expiresAt) {
}
