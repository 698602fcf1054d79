package io.carmarket.api.car;

import java.math.BigDecimal;
import java.util.Currency;

/** What the write side answers to a successful {@link BookCar}. */
public record BookingReceipt(String bookingId, BookingStatus status, BigDecimal totalPrice, Currency currency) {
}
