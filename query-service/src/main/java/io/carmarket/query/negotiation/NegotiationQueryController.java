package io.carmarket.query.negotiation;

import io.carmarket.api.negotiation.NegotiationStatus;
import io.carmarket.api.negotiation.Party;
import io.carmarket.api.negotiations.NegotiationById;
import io.carmarket.api.negotiations.NegotiationPage;
import io.carmarket.api.negotiations.NegotiationSearch;
import io.carmarket.api.negotiations.NegotiationSummary;
import io.carmarket.api.negotiations.NegotiationSummaryOf;
import io.carmarket.api.negotiations.NegotiationView;
import io.carmarket.query.common.NewestFirstCursor;
import io.carmarket.query.common.OkOrNotFound;
import io.carmarket.support.security.AuthenticatedUser;
import io.carmarket.support.web.InvalidParameterException;
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
import java.util.Locale;

/**
 * Negotiations as the read side shows them: a buyer sees those they opened, a dealer those on their cars, an admin
 * or auditor all. One the caller may not see is answered 404, like one that does not exist. (The commands on
 * negotiations, {@code POST /negotiations/**}, are the write side's.)
 */
@RestController
@RequestMapping("/api/v1/negotiations")
public class NegotiationQueryController {

    private static final int DEFAULT_LIMIT = 20;

    private final QueryGateway queryGateway;

    public NegotiationQueryController(QueryGateway queryGateway) {
        this.queryGateway = queryGateway;
    }

    /**
     * @param status any of these statuses (repeatable); all when absent
     * @param as     {@code buyer}: only those the caller opened; {@code dealer}: only those on the caller's cars;
     *               absent: all the caller may see
     */
    @GetMapping
    public NegotiationPage list(
            @AuthenticationPrincipal AuthenticatedUser user,
            @RequestParam(required = false) @Size(max = 7) List<NegotiationStatus> status,
            @RequestParam(required = false) String as,
            @RequestParam(required = false) String cursor,
            @RequestParam(defaultValue = "" + DEFAULT_LIMIT) @Min(1) @Max(NegotiationSearch.MAX_LIMIT) int limit) {
        Party party = party(as);
        NewestFirstCursor.checkParameter(cursor, NegotiationQueryHandler.CURSOR_KIND);
        NegotiationSearch search = new NegotiationSearch(user.actor(), status, party, cursor, limit);
        return queryGateway.query(search, ResponseTypes.instanceOf(NegotiationPage.class)).join();
    }

    /** {@code {awaitingMyAnswer: n}}: a literal path, so it is never taken for a negotiation id. */
    @GetMapping("/summary")
    public NegotiationSummary summary(@AuthenticationPrincipal AuthenticatedUser user) {
        return queryGateway.query(new NegotiationSummaryOf(user.actor()),
                ResponseTypes.instanceOf(NegotiationSummary.class)).join();
    }

    @GetMapping("/{negotiationId}")
    public ResponseEntity<?> one(@AuthenticationPrincipal AuthenticatedUser user,
                                 @PathVariable String negotiationId) {
        return OkOrNotFound.of(queryGateway.query(new NegotiationById(user.actor(), negotiationId),
                        ResponseTypes.optionalInstanceOf(NegotiationView.class)).join(),
                "NEGOTIATION_NOT_FOUND", "No negotiation " + negotiationId);
    }

    private static Party party(String as) {
        if (as == null) {
            return null;
        }
        return switch (as.strip().toLowerCase(Locale.ROOT)) {
            case "buyer" -> Party.BUYER;
            case "dealer" -> Party.DEALER;
            default -> throw new InvalidParameterException("as", "must be buyer or dealer");
        };
    }
}
