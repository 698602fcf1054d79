package io.carmarket.api.car.purchase;

import java.math.BigDecimal;

/** How a financed purchase is paid: a deposit now, the rest over {@code termMonths}. */
public record Financing(BigDecimal deposit, int termMonths) {
}
