package io.carmarket.query.inventory;

import io.carmarket.api.car.CarStatus;
import io.carmarket.api.identity.Actor;
import io.carmarket.api.identity.Role;
import io.carmarket.api.inventory.DealerCarDetails;
import io.carmarket.api.inventory.DealerCarPage;
import io.carmarket.api.inventory.DealerCarQuery;
import io.carmarket.api.inventory.DealerCarSortField;
import io.carmarket.api.inventory.DealerCarsQuery;
import io.carmarket.api.search.SortDirection;
import io.carmarket.query.common.OkOrNotFound;
import io.carmarket.query.search.SearchText;
import io.carmarket.query.web.SortParameter;
import io.carmarket.support.security.AuthenticatedUser;
import io.carmarket.support.web.InvalidParameterException;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.Map;

/**
 * A dealer's inventory: every car of the dealer in every state, with the VIN and licence plate. A DEALER reads their
 * own (naming another dealer is 403); an ADMIN or AUDITOR (read-only, like every query) names the dealer of the
 * list and may open any car. Another dealer's car is 404, like one that does not exist. The roles are checked by
 * {@link io.carmarket.query.common.QueryEndpointRoles}.
 */
@RestController
@RequestMapping("/api/v1/dealer/cars")
public class DealerInventoryController {

    /** {@code sort=listedAt|make|dailyRate|askingPrice[,asc|desc]}; newest listing first when absent. */
    private static final SortParameter<DealerCarSortField> SORT = SortParameter.of(DealerCarSortField.LISTED_AT,
            SortDirection.DESC, Map.entry("listedAt", DealerCarSortField.LISTED_AT),
            Map.entry("make", DealerCarSortField.MAKE), Map.entry("dailyRate", DealerCarSortField.DAILY_RATE),
            Map.entry("askingPrice", DealerCarSortField.ASKING_PRICE));

    private final QueryGateway queryGateway;

    public DealerInventoryController(QueryGateway queryGateway) {
        this.queryGateway = queryGateway;
    }

    /**
     * @param dealerId whose cars: a dealer's own when absent; required for admins and auditors
     * @param status   any of these states (repeatable, or comma-separated); all when absent
     * @param make     exactly this make, case- and accent-insensitive
     * @param q        words that each start a word of make, model, variant, VIN or licence plate (or the VIN's last
     *                 six characters)
     * @param sort     {@code listedAt}, {@code make}, {@code dailyRate} or {@code askingPrice}, optionally followed by
     *                 {@code ,asc} or {@code ,desc}; newest listing first when absent
     */
    @GetMapping
    public DealerCarPage cars(
            @AuthenticationPrincipal AuthenticatedUser user,
            @RequestParam(required = false) String dealerId,
            @RequestParam(required = false) @Size(max = 4) List<CarStatus> status,
            @RequestParam(required = false) @Size(max = 80) String make,
            @RequestParam(required = false) @Size(max = 100) String q,
            @RequestParam(required = false) String sort,
            @RequestParam(required = false) String cursor,
            @RequestParam(defaultValue = "" + DealerCarsQuery.DEFAULT_LIMIT) @Min(1)
            @Max(DealerCarsQuery.MAX_LIMIT) int limit) {
        String dealer = dealerOf(user.actor(), dealerId);
        SortParameter.Order<DealerCarSortField> order = SORT.parse(sort);
        if (cursor != null) {
            try {
                DealerCarOrdering.of(order.field(), order.direction()).check(cursor);
            } catch (DealerCarOrdering.InvalidCursorException invalid) {
                throw new InvalidParameterException("cursor", invalid.getMessage());
            }
        }
        DealerCarsQuery query = new DealerCarsQuery(dealer, status, blankToNull(make), SearchText.checkedQuery(q), order.field(),
                order.direction(), cursor, limit);
        return queryGateway.query(query, ResponseTypes.instanceOf(DealerCarPage.class)).join();
    }

    @GetMapping("/{carId}")
    public ResponseEntity<?> car(@AuthenticationPrincipal AuthenticatedUser user, @PathVariable String carId) {
        return OkOrNotFound.of(queryGateway.query(new DealerCarQuery(user.actor(), carId),
                        ResponseTypes.optionalInstanceOf(DealerCarDetails.class)).join(),
                "CAR_NOT_FOUND", "No car " + carId + " in your inventory");
    }

    /** Whose list: a dealer's own; an admin or auditor must name the dealer. */
    private static String dealerOf(Actor viewer, String dealerId) {
        if (viewer.role() == Role.ADMIN || viewer.role() == Role.AUDITOR) {
            if (dealerId == null || dealerId.isBlank()) {
                throw new InvalidParameterException("dealerId", "is required for an admin or auditor: whose cars to list");
            }
            return dealerId;
        }
        if (dealerId != null && !viewer.is(dealerId)) {
            throw new AccessDeniedException("A dealer lists only their own cars");
        }
        return viewer.userId();
    }

    /** Free text: null when blank; refused when it has no word to search for or too many. */
    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }
}
