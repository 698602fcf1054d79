package io.carmarket.command.car;

import io.carmarket.api.car.purchase.CancelPurchaseReservation;
import io.carmarket.api.car.purchase.CompletePurchase;
import io.carmarket.api.car.purchase.ConfirmPurchaseReservation;
import io.carmarket.api.car.purchase.Financing;
import io.carmarket.api.car.purchase.PaymentMethod;
import io.carmarket.api.car.purchase.PurchaseReservationReceipt;
import io.carmarket.api.car.purchase.PurchaseReservationStatus;
import io.carmarket.api.car.purchase.ReservePurchase;
import io.carmarket.api.car.purchase.ScheduleInspection;
import io.carmarket.api.car.purchase.TradeIn;
import io.carmarket.command.car.BookingCommandController.ReasonRequest;
import io.carmarket.support.security.AuthenticatedUser;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.util.UUID;

/** A customer reserves a car for purchase; the dealer takes it through confirmation and inspection to the sale. */
@RestController
@RequestMapping("/api/v1/cars/{carId}/purchase-reservations")
public class PurchaseReservationController {

    private final CommandGateway commandGateway;
    private final OrderNumbers orderNumbers;

    public PurchaseReservationController(CommandGateway commandGateway, OrderNumbers orderNumbers) {
        this.commandGateway = commandGateway;
        this.orderNumbers = orderNumbers;
    }

    @PostMapping
    public ResponseEntity<PurchaseReservationReceipt> reserve(@PathVariable String carId,
                                                              @Valid @RequestBody ReservationRequest request,
                                                              @AuthenticationPrincipal AuthenticatedUser customer) {
        String reservationId = UUID.randomUUID().toString();
        PurchaseReservationReceipt receipt = commandGateway.sendAndWait(new ReservePurchase(carId, reservationId,
                orderNumbers.next(), customer.actor(), request.paymentMethod(), request.financingTerms(),
                request.tradeInCar(), request.handoverDate(), null));
        return ResponseEntity.created(URI.create("/api/v1/purchase-reservations/" + reservationId)).body(receipt);
    }

    @PostMapping("/{reservationId}/confirm")
    public ReservationStatusResponse confirm(@PathVariable String carId, @PathVariable String reservationId,
                                             @AuthenticationPrincipal AuthenticatedUser dealer) {
        commandGateway.sendAndWait(new ConfirmPurchaseReservation(carId, reservationId, dealer.actor()));
        return new ReservationStatusResponse(reservationId, PurchaseReservationStatus.CONFIRMED);
    }

    @PostMapping("/{reservationId}/schedule-inspection")
    public ReservationStatusResponse scheduleInspection(@PathVariable String carId, @PathVariable String reservationId,
                                                        @Valid @RequestBody InspectionRequest request,
                                                        @AuthenticationPrincipal AuthenticatedUser dealer) {
        commandGateway.sendAndWait(new ScheduleInspection(carId, reservationId, request.inspectionDate(),
                dealer.actor()));
        return new ReservationStatusResponse(reservationId, PurchaseReservationStatus.INSPECTION_SCHEDULED);
    }

    @PostMapping("/{reservationId}/complete")
    public ReservationStatusResponse complete(@PathVariable String carId, @PathVariable String reservationId,
                                              @AuthenticationPrincipal AuthenticatedUser dealer) {
        commandGateway.sendAndWait(new CompletePurchase(carId, reservationId, dealer.actor()));
        return new ReservationStatusResponse(reservationId, PurchaseReservationStatus.COMPLETED);
    }

    @PostMapping("/{reservationId}/cancel")
    public ReservationStatusResponse cancel(@PathVariable String carId, @PathVariable String reservationId,
                                            @Valid @RequestBody(required = false) ReasonRequest request,
                                            @AuthenticationPrincipal AuthenticatedUser user) {
        commandGateway.sendAndWait(new CancelPurchaseReservation(carId, reservationId, ReasonRequest.of(request),
                user.actor()));
        return new ReservationStatusResponse(reservationId, PurchaseReservationStatus.CANCELLED);
    }

    public record ReservationRequest(@NotNull PaymentMethod paymentMethod,
                                     @Valid FinancingRequest financing,
                                     @Valid TradeInRequest tradeIn,
                                     @NotNull LocalDate handoverDate) {

        Financing financingTerms() {
            return financing == null ? null : new Financing(financing.deposit(), financing.termMonths());
        }

        TradeIn tradeInCar() {
            return tradeIn == null ? null : new TradeIn(tradeIn.make().trim(), tradeIn.model().trim(), tradeIn.year(),
                    tradeIn.mileage(), tradeIn.value());
        }
    }

    public record FinancingRequest(@NotNull @PositiveOrZero @Digits(integer = 12, fraction = 2) BigDecimal deposit,
                                   @NotNull @Min(1) @Max(600) Integer termMonths) {
    }

    public record TradeInRequest(@NotBlank @Size(max = 40) String make, @NotBlank @Size(max = 60) String model,
                                 @NotNull @Min(1900) @Max(2100) Integer year,
                                 @NotNull @PositiveOrZero @Max(2_000_000) Integer mileage,
                                 @NotNull @PositiveOrZero @Digits(integer = 12, fraction = 2) BigDecimal value) {
    }

    public record InspectionRequest(@NotNull LocalDate inspectionDate) {
    }

    public record ReservationStatusResponse(String reservationId, PurchaseReservationStatus status) {
    }
}
