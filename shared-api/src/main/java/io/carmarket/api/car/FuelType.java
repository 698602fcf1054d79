package io.carmarket.api.car;

public enum FuelType {
    PETROL, DIESEL, HYBRID, PLUG_IN_HYBRID, ELECTRIC, LPG, HYDROGEN
}
