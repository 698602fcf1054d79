package io.carmarket.api.dashboards;

/**
 * Over every accepted offer on a car with an asking price: how many, and the mean of
 * {@code (asking - agreed) / asking} in percent. {@code averagePercent} is absent when there is none.
 */
public record AgreedDiscount(long agreements, Double averagePercent) {
}
