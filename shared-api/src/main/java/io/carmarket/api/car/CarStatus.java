package io.carmarket.api.car;

public enum CarStatus {
    LISTED, WITHDRAWN, RESERVED, SOLD
}
