package io.carmarket.api.car;

public enum BodyType {
    SEDAN, HATCHBACK, ESTATE, SUV, COUPE, CONVERTIBLE, VAN, PICKUP, MINIVAN
}
