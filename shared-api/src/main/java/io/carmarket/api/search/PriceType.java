package io.carmarket.api.search;

/** Which of a car's prices a price filter or a price sort applies to. */
public enum PriceType {
    DAILY_RATE, ASKING_PRICE
}
