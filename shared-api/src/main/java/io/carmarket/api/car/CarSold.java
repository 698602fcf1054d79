package io.carmarket.api.car;

import org.axonframework.serialization.Revision;

import java.math.BigDecimal;
import java.util.Currency;

/** The car is SOLD (terminal); its bookings after the sale are cancelled by separate BookingCancelled events. */
@Revision("1")
public record CarSold(String carId, String buyerId, String reservationId, BigDecimal price, Currency currency) {
}
