package io.carmarket.api.car.purchase;

import org.axonframework.serialization.Revision;

import java.math.BigDecimal;
import java.util.Currency;

@Revision("1")
public record PurchaseCompleted(String carId, String reservationId, String customerId, BigDecimal totalAmount, Currency currency) {
}
