package io.carmarket.api.car.purchase;

import java.math.BigDecimal;

/** The customer's own car, taken in part payment at {@code value}. */
public record TradeIn(String make, String model, int year, int mileage, BigDecimal value) {
}
