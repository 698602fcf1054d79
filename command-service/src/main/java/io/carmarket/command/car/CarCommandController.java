package io.carmarket.command.car;

import io.carmarket.api.car.BookCar;
import io.carmarket.api.car.BookingReceipt;
import io.carmarket.api.car.BookingStatus;
import io.carmarket.api.car.CancelBooking;
import io.carmarket.api.car.DateRange;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.security.Principal;
import java.time.LocalDate;
import java.util.UUID;

/**
 * Commands on cars and their bookings. Each request answers only after the Car aggregate has decided:
 * 201 with the new ids, or the rejection as problem+json.
 */
@RestController
@RequestMapping("/api/v1/cars")
public class CarCommandController {

    /** Who acts until identity arrives: every write is recorded under this user id. */
    static final String ANONYMOUS_USER = "anonymous";

    private final CommandGateway commandGateway;
    private final CarListingDefaults listingDefaults;

    public CarCommandController(CommandGateway commandGateway, CarListingDefaults listingDefaults) {
        this.commandGateway = commandGateway;
        this.listingDefaults = listingDefaults;
    }

    @PostMapping
    public ResponseEntity<CarListedResponse> list(@Valid @RequestBody ListCarRequest request, Principal principal) {
        String carId = UUID.randomUUID().toString();
        commandGateway.sendAndWait(request.toCommand(carId, userOf(principal), listingDefaults));
        return ResponseEntity.created(URI.create("/api/v1/cars/" + carId)).body(new CarListedResponse(carId));
    }

    @PostMapping("/{carId}/bookings")
    public ResponseEntity<BookingReceipt> book(@PathVariable String carId,
                                               @Valid @RequestBody BookCarRequest request,
                                               Principal principal) {
        String bookingId = UUID.randomUUID().toString();
        BookingReceipt receipt = commandGateway.sendAndWait(new BookCar(carId, bookingId, userOf(principal),
                new DateRange(request.startDate(), request.endDate()), request.notes()));
        return ResponseEntity.created(URI.create("/api/v1/bookings/" + bookingId)).body(receipt);
    }

    @PostMapping("/{carId}/bookings/{bookingId}/cancel")
    public BookingCancelledResponse cancel(@PathVariable String carId, @PathVariable String bookingId,
                                           @Valid @RequestBody(required = false) CancelBookingRequest request) {
        String note = request == null ? null : request.note();
        commandGateway.sendAndWait(new CancelBooking(carId, bookingId, note));
        return new BookingCancelledResponse(bookingId, BookingStatus.CANCELLED);
    }

    private static String userOf(Principal principal) {
        return principal == null ? ANONYMOUS_USER : principal.getName();
    }

    public record CarListedResponse(String carId) {
    }

    public record BookCarRequest(@NotNull LocalDate startDate, @NotNull LocalDate endDate,
                                 @Size(max = 1000) String notes) {
    }

    public record CancelBookingRequest(@Size(max = 1000) String note) {
    }

    public record BookingCancelledResponse(String bookingId, BookingStatus status) {
    }
}
