package io.carmarket.api.search;

import java.util.List;

/** A page of search results; {@code nextCursor} is null on the last page. */
public record CarSearchPage(List<CarSummary> items, String nextCursor) {

    public CarSearchPage {
        items = List.copyOf(items);
    }
}
