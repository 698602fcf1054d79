package io.carmarket.api.car.purchase;

public enum PaymentMethod {
    FULL_PAYMENT, FINANCE
}
