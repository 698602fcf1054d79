package io.carmarket.command.car;

import io.carmarket.api.car.ApproveBooking;
import io.carmarket.api.car.BookCar;
import io.carmarket.api.car.BookingReceipt;
import io.carmarket.api.car.BookingStatus;
import io.carmarket.api.car.CancelBooking;
import io.carmarket.api.car.DateRange;
import io.carmarket.api.car.RejectBooking;
import io.carmarket.api.car.RescheduleBooking;
import io.carmarket.support.security.AuthenticatedUser;
import io.carmarket.support.web.input.MultilineText;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.time.LocalDate;
import java.util.UUID;

/** Bookings of a car: book, reschedule, cancel, and the dealer's answer to a booking awaiting approval. */
@RestController
@RequestMapping("/api/v1/cars/{carId}/bookings")
public class BookingCommandController {

    private final CommandGateway commandGateway;

    public BookingCommandController(CommandGateway commandGateway) {
        this.commandGateway = commandGateway;
    }

    @PostMapping
    public ResponseEntity<BookingReceipt> book(@PathVariable String carId, @Valid @RequestBody BookCarRequest request,
                                               @AuthenticationPrincipal AuthenticatedUser customer) {
        String bookingId = UUID.randomUUID().toString();
        BookingReceipt receipt = commandGateway.sendAndWait(new BookCar(carId, bookingId, customer.userId(),
                request.period(), request.notes()));
        return ResponseEntity.created(URI.create("/api/v1/bookings/" + bookingId)).body(receipt);
    }

    @PostMapping("/{bookingId}/reschedule")
    public BookingReceipt reschedule(@PathVariable String carId, @PathVariable String bookingId,
                                     @Valid @RequestBody RescheduleRequest request,
                                     @AuthenticationPrincipal AuthenticatedUser user) {
        return commandGateway.sendAndWait(new RescheduleBooking(carId, bookingId,
                new DateRange(request.startDate(), request.endDate()), user.actor()));
    }

    @PostMapping("/{bookingId}/cancel")
    public BookingStatusResponse cancel(@PathVariable String carId, @PathVariable String bookingId,
                                        @Valid @RequestBody(required = false) ReasonRequest request,
                                        @AuthenticationPrincipal AuthenticatedUser user) {
        commandGateway.sendAndWait(new CancelBooking(carId, bookingId, user.actor(), ReasonRequest.of(request)));
        return new BookingStatusResponse(bookingId, BookingStatus.CANCELLED);
    }

    @PostMapping("/{bookingId}/approve")
    public BookingStatusResponse approve(@PathVariable String carId, @PathVariable String bookingId,
                                         @AuthenticationPrincipal AuthenticatedUser dealer) {
        commandGateway.sendAndWait(new ApproveBooking(carId, bookingId, dealer.actor()));
        return new BookingStatusResponse(bookingId, BookingStatus.CONFIRMED);
    }

    @PostMapping("/{bookingId}/reject")
    public BookingStatusResponse reject(@PathVariable String carId, @PathVariable String bookingId,
                                        @Valid @RequestBody(required = false) ReasonRequest request,
                                        @AuthenticationPrincipal AuthenticatedUser dealer) {
        commandGateway.sendAndWait(new RejectBooking(carId, bookingId, ReasonRequest.of(request), dealer.actor()));
        return new BookingStatusResponse(bookingId, BookingStatus.REJECTED);
    }

    public record BookCarRequest(@NotNull LocalDate startDate, @NotNull LocalDate endDate,
                                 @MultilineText @Size(max = 1000) String notes) {

        DateRange period() {
            return new DateRange(startDate, endDate);
        }
    }

    public record RescheduleRequest(@NotNull LocalDate startDate, @NotNull LocalDate endDate) {
    }

    /** An optional free-text reason or note; the field is called {@code reason}, {@code note} is accepted too. */
    public record ReasonRequest(@MultilineText @Size(max = 1000) String reason,
                                @MultilineText @Size(max = 1000) String note) {

        static String of(ReasonRequest request) {
            if (request == null) {
                return null;
            }
            return request.reason() != null ? request.reason() : request.note();
        }
    }

    public record BookingStatusResponse(String bookingId, BookingStatus status) {
    }
}
