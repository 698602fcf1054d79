package io.carmarket.api.car;

public record CarImage(String url, boolean primary) {
}
