package io.carmarket.api.favorites;

import java.util.List;

/** A page of favourites, most recently added first; {@code nextCursor} is null on the last page. */
public record FavoritePage(List<FavoriteView> items, String nextCursor) {

    public FavoritePage {
        items = List.copyOf(items);
    }
}
