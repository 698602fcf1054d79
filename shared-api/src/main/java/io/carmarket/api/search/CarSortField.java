package io.carmarket.api.search;

public enum CarSortField {
    PRICE, YEAR, MILEAGE, CREATED_AT
}
