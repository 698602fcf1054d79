package io.carmarket.query.dashboard;

import io.carmarket.api.dashboards.AdminDashboard;
import io.carmarket.api.dashboards.AdminDashboardQuery;
import io.carmarket.api.dashboards.CustomerDashboard;
import io.carmarket.api.dashboards.CustomerDashboardQuery;
import io.carmarket.api.dashboards.DealerDashboard;
import io.carmarket.api.dashboards.DealerDashboardQuery;
import io.carmarket.api.identity.Actor;
import io.carmarket.api.identity.Role;
import io.carmarket.support.security.AuthenticatedUser;
import io.carmarket.support.web.InvalidParameterException;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;

/**
 * The dashboards, as JSON and as live streams ({@code .../stream}, Server-Sent Events). Which roles may read which
 * dashboard is declared with the other query endpoints' roles ({@code QueryEndpointRoles}); here: a dealer reads
 * their own dealer dashboard only, an admin names the dealer; everyone's {@code me} is their own. A client that
 * reconnects with {@code Last-Event-ID} gets the current state first, like any new stream.
 */
@RestController
@RequestMapping("/api/v1/dashboards")
class DashboardController {

    private final QueryGateway queryGateway;
    private final DashboardStreams streams;

    DashboardController(QueryGateway queryGateway, DashboardStreams streams) {
        this.queryGateway = queryGateway;
        this.streams = streams;
    }

    /** @param dealerId whose dashboard: required for an admin; a dealer may leave it out or name themselves */
    @GetMapping("/dealer")
    DealerDashboard dealer(@AuthenticationPrincipal AuthenticatedUser user,
                           @RequestParam(required = false) String dealerId) {
        return queryGateway.query(dealerQuery(user.actor(), dealerId), ResponseTypes.instanceOf(DealerDashboard.class))
                .join();
    }

    @GetMapping(path = "/dealer/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    Flux<ServerSentEvent<Object>> dealerStream(@AuthenticationPrincipal AuthenticatedUser user,
                                               @RequestParam(required = false) String dealerId) {
        return streams.of(dealerQuery(user.actor(), dealerId), DealerDashboard.class, DealerDashboard::position);
    }

    @GetMapping("/admin")
    AdminDashboard admin() {
        return queryGateway.query(AdminDashboardQuery.ofPlatform(), ResponseTypes.instanceOf(AdminDashboard.class))
                .join();
    }

    @GetMapping(path = "/admin/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    Flux<ServerSentEvent<Object>> adminStream() {
        return streams.of(AdminDashboardQuery.ofPlatform(), AdminDashboard.class, AdminDashboard::position);
    }

    @GetMapping("/me")
    CustomerDashboard me(@AuthenticationPrincipal AuthenticatedUser user) {
        return queryGateway.query(new CustomerDashboardQuery(user.userId()),
                ResponseTypes.instanceOf(CustomerDashboard.class)).join();
    }

    @GetMapping(path = "/me/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    Flux<ServerSentEvent<Object>> meStream(@AuthenticationPrincipal AuthenticatedUser user) {
        return streams.of(new CustomerDashboardQuery(user.userId()), CustomerDashboard.class,
                CustomerDashboard::position);
    }

    private static DealerDashboardQuery dealerQuery(Actor viewer, String dealerId) {
        if (viewer.role() == Role.ADMIN) {
            if (dealerId == null || dealerId.isBlank()) {
                throw new InvalidParameterException("dealerId", "is required for an admin: whose dashboard to show");
            }
            return new DealerDashboardQuery(dealerId);
        }
        if (dealerId != null && !viewer.is(dealerId)) {
            throw new AccessDeniedException("A dealer reads only their own dashboard");
        }
        return new DealerDashboardQuery(viewer.userId());
    }
}
