package io.carmarket.api.negotiations;

import java.util.List;

/** A page of negotiations, newest opened first; {@code nextCursor} is null on the last page. */
public record NegotiationPage(List<NegotiationView> items, String nextCursor) {

    public NegotiationPage {
        items = List.copyOf(items);
    }
}
