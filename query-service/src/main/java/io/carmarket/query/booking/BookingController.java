package io.carmarket.query.booking;

import io.carmarket.api.bookings.BookingById;
import io.carmarket.api.bookings.BookingPage;
import io.carmarket.api.bookings.BookingSearch;
import io.carmarket.api.bookings.BookingView;
import io.carmarket.api.car.BookingStatus;
import io.carmarket.query.common.NewestFirstCursor;
import io.carmarket.query.common.OkOrNotFound;
import io.carmarket.support.security.AuthenticatedUser;
import io.carmarket.support.web.InvalidParameterException;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.LocalDate;
import java.util.List;

/**
 * The bookings a user may see: a customer their own, a dealer those of their cars, an admin or an auditor all.
 * A booking the caller may not see is answered 404, like one that does not exist.
 */
@RestController
@RequestMapping("/api/v1/bookings")
public class BookingController {

    private static final int DEFAULT_LIMIT = 20;

    private final QueryGateway queryGateway;

    public BookingController(QueryGateway queryGateway) {
        this.queryGateway = queryGateway;
    }

    /**
     * @param status any of these statuses (repeatable); all when absent
     * @param from   with or without {@code to}: bookings overlapping {@code [from, to)}
     * @param to     exclusive end of that range
     */
    @GetMapping
    public BookingPage list(
            @AuthenticationPrincipal AuthenticatedUser user,
            @RequestParam(required = false) @Size(max = 5) List<BookingStatus> status,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(required = false) String cursor,
            @RequestParam(defaultValue = "" + DEFAULT_LIMIT) @Min(1) @Max(BookingSearch.MAX_LIMIT) int limit) {
        if (from != null && to != null && !to.isAfter(from)) {
            throw new InvalidParameterException("to", "must be after from");
        }
        NewestFirstCursor.checkParameter(cursor, BookingQueryHandler.CURSOR_KIND);
        BookingSearch search = new BookingSearch(user.actor(), status, from, to, cursor, limit);
        return queryGateway.query(search, ResponseTypes.instanceOf(BookingPage.class)).join();
    }

    @GetMapping("/{bookingId}")
    public ResponseEntity<?> one(@AuthenticationPrincipal AuthenticatedUser user, @PathVariable String bookingId) {
        return OkOrNotFound.of(queryGateway.query(new BookingById(user.actor(), bookingId),
                        ResponseTypes.optionalInstanceOf(BookingView.class)).join(),
                "BOOKING_NOT_FOUND", "No booking " + bookingId);
    }
}
