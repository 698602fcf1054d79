package io.carmarket.api.car;

public enum Transmission {
    MANUAL, AUTOMATIC
}
