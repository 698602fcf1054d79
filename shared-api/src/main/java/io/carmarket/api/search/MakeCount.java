package io.carmarket.api.search;

/** A make as dealers spell it and the number of public cars of that make. */
public record MakeCount(String make, long count) {
}
