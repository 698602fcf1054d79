package io.carmarket.api.search;

public enum SortDirection {
    ASC, DESC
}
