package io.carmarket.query.reservation;

import io.carmarket.api.car.purchase.PurchaseReservationStatus;
import io.carmarket.api.reservations.PurchaseReservationById;
import io.carmarket.api.reservations.PurchaseReservationPage;
import io.carmarket.api.reservations.PurchaseReservationSearch;
import io.carmarket.api.reservations.PurchaseReservationView;
import io.carmarket.query.common.NewestFirstCursor;
import io.carmarket.query.common.OkOrNotFound;
import io.carmarket.support.security.AuthenticatedUser;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/**
 * Purchase reservations: a customer sees their own, a dealer those of their cars, an admin or auditor all. One the
 * caller may not see is answered 404, like one that does not exist.
 */
@RestController
@RequestMapping("/api/v1/purchase-reservations")
public class PurchaseReservationQueryController {

    private static final int DEFAULT_LIMIT = 20;

    private final QueryGateway queryGateway;

    public PurchaseReservationQueryController(QueryGateway queryGateway) {
        this.queryGateway = queryGateway;
    }

    /** @param status any of these statuses (repeatable); all when absent */
    @GetMapping
    public PurchaseReservationPage list(
            @AuthenticationPrincipal AuthenticatedUser user,
            @RequestParam(required = false) @Size(max = 6) List<PurchaseReservationStatus> status,
            @RequestParam(required = false) String cursor,
            @RequestParam(defaultValue = "" + DEFAULT_LIMIT) @Min(1) @Max(PurchaseReservationSearch.MAX_LIMIT)
            int limit) {
        NewestFirstCursor.checkParameter(cursor, PurchaseReservationQueryHandler.CURSOR_KIND);
        PurchaseReservationSearch search = new PurchaseReservationSearch(user.actor(), status, cursor, limit);
        return queryGateway.query(search, ResponseTypes.instanceOf(PurchaseReservationPage.class)).join();
    }

    @GetMapping("/{reservationId}")
    public ResponseEntity<?> one(@AuthenticationPrincipal AuthenticatedUser user,
                                 @PathVariable String reservationId) {
        return OkOrNotFound.of(queryGateway.query(new PurchaseReservationById(user.actor(), reservationId),
                        ResponseTypes.optionalInstanceOf(PurchaseReservationView.class)).join(),
                "RESERVATION_NOT_FOUND", "No purchase reservation " + reservationId);
    }
}
