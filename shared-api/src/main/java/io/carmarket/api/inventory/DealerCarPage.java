package io.carmarket.api.inventory;

import java.util.List;

/** A page of a dealer's inventory in the requested order; {@code nextCursor} is null on the last page. */
public record DealerCarPage(List<DealerCarView> items, String nextCursor) {

    public DealerCarPage {
        items = List.copyOf(items);
    }
}
