package io.carmarket.api.car;

import java.math.BigDecimal;
import java.util.Currency;

/**
 * What the car costs: a daily rate if it is offered for rental, an asking price if it is offered for sale,
 * at least one of the two, both in the same currency.
 */
public record Pricing(BigDecimal dailyRate, BigDecimal askingPrice, Currency currency) {

    public boolean offersRental() {
        return dailyRate != null;
    }

    public boolean offersSale() {
        return askingPrice != null;
    }
}
