package io.carmarket.api.search;

public record CarDetailsById(String carId) {
}
