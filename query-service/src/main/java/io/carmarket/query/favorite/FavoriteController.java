package io.carmarket.query.favorite;

import io.carmarket.api.favorites.FavoriteList;
import io.carmarket.api.favorites.FavoritePage;
import io.carmarket.query.common.NewestFirstCursor;
import io.carmarket.query.common.OkOrNotFound;
import io.carmarket.support.security.AuthenticatedUser;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The user's own favourite cars. Any authenticated user has favourites. {@code PUT} answers 201 when it added the
 * favourite and 200 when it was already there; {@code DELETE} answers 204 either way.
 */
@RestController
@RequestMapping("/api/v1/favorites")
public class FavoriteController {

    private static final int DEFAULT_LIMIT = 50;

    private final QueryGateway queryGateway;
    private final Favorites favorites;

    public FavoriteController(QueryGateway queryGateway, Favorites favorites) {
        this.queryGateway = queryGateway;
        this.favorites = favorites;
    }

    @GetMapping
    public FavoritePage list(
            @AuthenticationPrincipal AuthenticatedUser user,
            @RequestParam(required = false) String cursor,
            @RequestParam(defaultValue = "" + DEFAULT_LIMIT) @Min(1) @Max(FavoriteList.MAX_LIMIT) int limit) {
        NewestFirstCursor.checkParameter(cursor, FavoriteQueryHandler.CURSOR_KIND);
        return queryGateway.query(new FavoriteList(user.userId(), cursor, limit),
                ResponseTypes.instanceOf(FavoritePage.class)).join();
    }

    @PutMapping("/{carId}")
    public ResponseEntity<?> add(@AuthenticationPrincipal AuthenticatedUser user,
                                 @PathVariable @Size(max = 100) String carId) {
        return favorites.add(user.userId(), carId)
                .<ResponseEntity<?>>map(added -> ResponseEntity
                        .status(added.created() ? HttpStatus.CREATED : HttpStatus.OK).body(added.favorite()))
                .orElseGet(() -> OkOrNotFound.notFound("CAR_NOT_FOUND", "No listed car " + carId));
    }

    @DeleteMapping("/{carId}")
    public ResponseEntity<Void> remove(@AuthenticationPrincipal AuthenticatedUser user,
                                       @PathVariable @Size(max = 100) String carId) {
        favorites.remove(user.userId(), carId);
        return ResponseEntity.noContent().build();
    }
}
