package io.carmarket.api.identity;

public enum Role {
    CUSTOMER, DEALER, ADMIN, AUDITOR
}
