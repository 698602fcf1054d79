package io.carmarket.api.search;

import java.util.List;

/** A short, unpaged list of cars, in the order the query defines. */
public record CarSummaryList(List<CarSummary> items) {

    public CarSummaryList {
        items = items == null ? List.of() : List.copyOf(items);
    }
}
