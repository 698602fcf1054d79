package io.carmarket.command.car;

import io.carmarket.api.car.BookCar;
import io.carmarket.api.car.BookingReceipt;
import io.carmarket.api.car.BookingStatus;
import io.carmarket.api.car.CancelBooking;
import io.carmarket.api.car.CarStatus;
import io.carmarket.api.car.DateRange;
import io.carmarket.api.car.RelistCar;
import io.carmarket.api.car.WithdrawCar;
import io.carmarket.support.security.AuthenticatedUser;
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

/**
 * Commands on cars and their bookings. Each request answers only after the Car aggregate has decided:
 * 201/200 with the ids, or the rejection as problem+json. Roles are checked before (see
 * {@code CommandEndpointRoles}); ownership (whose car, whose booking) is a business rule decided by the aggregate.
 */
@RestController
@RequestMapping("/api/v1/cars")
public class CarCommandController {

    private final CommandGateway commandGateway;
    private final CarListingDefaults listingDefaults;

    public CarCommandController(CommandGateway commandGateway, CarListingDefaults listingDefaults) {
        this.commandGateway = commandGateway;
        this.listingDefaults = listingDefaults;
    }

    @PostMapping
    public ResponseEntity<CarListedResponse> list(@Valid @RequestBody ListCarRequest request,
                                                  @AuthenticationPrincipal AuthenticatedUser dealer) {
        String carId = UUID.randomUUID().toString();
        commandGateway.sendAndWait(request.toCommand(carId, dealer.userId(), listingDefaults));
        return ResponseEntity.created(URI.create("/api/v1/cars/" + carId)).body(new CarListedResponse(carId));
    }

    @PostMapping("/{carId}/withdraw")
    public CarStatusResponse withdraw(@PathVariable String carId, @AuthenticationPrincipal AuthenticatedUser user) {
        commandGateway.sendAndWait(new WithdrawCar(carId, user.actor()));
        return new CarStatusResponse(carId, CarStatus.WITHDRAWN);
    }

    @PostMapping("/{carId}/relist")
    public CarStatusResponse relist(@PathVariable String carId, @AuthenticationPrincipal AuthenticatedUser user) {
        commandGateway.sendAndWait(new RelistCar(carId, user.actor()));
        return new CarStatusResponse(carId, CarStatus.LISTED);
    }

    @PostMapping("/{carId}/bookings")
    public ResponseEntity<BookingReceipt> book(@PathVariable String carId,
                                               @Valid @RequestBody BookCarRequest request,
                                               @AuthenticationPrincipal AuthenticatedUser customer) {
        String bookingId = UUID.randomUUID().toString();
        BookingReceipt receipt = commandGateway.sendAndWait(new BookCar(carId, bookingId, customer.userId(),
                new DateRange(request.startDate(), request.endDate()), request.notes()));
        return ResponseEntity.created(URI.create("/api/v1/bookings/" + bookingId)).body(receipt);
    }

    @PostMapping("/{carId}/bookings/{bookingId}/cancel")
    public BookingCancelledResponse cancel(@PathVariable String carId, @PathVariable String bookingId,
                                           @Valid @RequestBody(required = false) CancelBookingRequest request,
                                           @AuthenticationPrincipal AuthenticatedUser user) {
        String note = request == null ? null : request.note();
        commandGateway.sendAndWait(new CancelBooking(carId, bookingId, user.actor(), note));
        return new BookingCancelledResponse(bookingId, BookingStatus.CANCELLED);
    }

    public record CarListedResponse(String carId) {
    }

    public record CarStatusResponse(String carId, CarStatus status) {
    }

    public record BookCarRequest(@NotNull LocalDate startDate, @NotNull LocalDate endDate,
                                 @Size(max = 1000) String notes) {
    }

    public record CancelBookingRequest(@Size(max = 1000) String note) {
    }

    public record BookingCancelledResponse(String bookingId, BookingStatus status) {
    }
}
