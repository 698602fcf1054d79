package io.carmarket.command.negotiation;

import io.carmarket.api.car.CarStatus;
import io.carmarket.api.negotiation.AcceptOffer;
import io.carmarket.api.negotiation.CancelNegotiation;
import io.carmarket.api.negotiation.MakeOffer;
import io.carmarket.api.negotiation.NegotiationStatus;
import io.carmarket.api.negotiation.OpenNegotiation;
import io.carmarket.api.negotiation.RejectOffer;
import io.carmarket.command.negotiation.NegotiationLookups.NegotiableCar;
import io.carmarket.support.security.AuthenticatedUser;
import io.carmarket.support.web.ApiProblems;
import io.carmarket.support.web.input.MultilineText;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.math.BigDecimal;
import java.net.URI;
import java.util.UUID;

/**
 * Negotiations: a customer opens one with a first offer; buyer and dealer answer each other's offers. An accepted
 * offer answers at once; the reservation of the car at the agreed price follows through the negotiation process.
 */
@RestController
@RequestMapping("/api/v1/negotiations")
public class NegotiationController {

    private final CommandGateway commandGateway;
    private final NegotiationLookups lookups;

    public NegotiationController(CommandGateway commandGateway, NegotiationLookups lookups) {
        this.commandGateway = commandGateway;
        this.lookups = lookups;
    }

    @PostMapping
    public ResponseEntity<?> open(@Valid @RequestBody OpenRequest request,
                                  @AuthenticationPrincipal AuthenticatedUser buyer) {
        NegotiableCar car = lookups.car(request.carId()).orElse(null);
        if (car == null || car.status() == CarStatus.WITHDRAWN
                || car.status() == CarStatus.SOLD) {
            return problem(HttpStatus.NOT_FOUND, "CAR_NOT_FOUND", "No car " + request.carId() + " on the market");
        }
        if (!car.isOpenToOffers()) {
            return problem(HttpStatus.CONFLICT, "CAR_NOT_FOR_SALE", "The car is not offered for sale right now");
        }
        String negotiationId = UUID.randomUUID().toString();
        if (!lookups.claim(buyer.userId(), car.carId(), negotiationId)) {
            return problem(HttpStatus.CONFLICT, "NEGOTIATION_ALREADY_OPEN",
                    "You already have an open negotiation on this car");
        }
        try {
            commandGateway.sendAndWait(new OpenNegotiation(negotiationId, car.carId(), car.dealerId(), car.currency(),
                    buyer.actor(), request.amount(), request.message()));
        } catch (RuntimeException refused) {
            lookups.release(negotiationId);
            throw refused;
        }
        return ResponseEntity.created(URI.create("/api/v1/negotiations/" + negotiationId))
                .body(new NegotiationResponse(negotiationId, NegotiationStatus.OPEN));
    }

    @PostMapping("/{negotiationId}/offers")
    public NegotiationResponse counter(@PathVariable String negotiationId, @Valid @RequestBody OfferRequest request,
                                       @AuthenticationPrincipal AuthenticatedUser user) {
        commandGateway.sendAndWait(new MakeOffer(negotiationId, user.actor(), request.amount(), request.message()));
        return new NegotiationResponse(negotiationId, NegotiationStatus.OPEN);
    }

    @PostMapping("/{negotiationId}/accept")
    public NegotiationResponse accept(@PathVariable String negotiationId,
                                      @AuthenticationPrincipal AuthenticatedUser user) {
        commandGateway.sendAndWait(new AcceptOffer(negotiationId, user.actor()));
        return new NegotiationResponse(negotiationId, NegotiationStatus.ACCEPTED);
    }

    @PostMapping("/{negotiationId}/reject")
    public NegotiationResponse reject(@PathVariable String negotiationId,
                                      @Valid @RequestBody(required = false) ReasonRequest request,
                                      @AuthenticationPrincipal AuthenticatedUser user) {
        commandGateway.sendAndWait(new RejectOffer(negotiationId, user.actor(),
                request == null ? null : request.reason()));
        return new NegotiationResponse(negotiationId, NegotiationStatus.REJECTED);
    }

    @PostMapping("/{negotiationId}/cancel")
    public NegotiationResponse cancel(@PathVariable String negotiationId,
                                      @AuthenticationPrincipal AuthenticatedUser user) {
        commandGateway.sendAndWait(new CancelNegotiation(negotiationId, user.actor()));
        return new NegotiationResponse(negotiationId, NegotiationStatus.CANCELLED);
    }

    private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String code, String detail) {
        return ResponseEntity.status(status).body(ApiProblems.problem(status, code, detail));
    }

    public record OpenRequest(@NotBlank @Size(max = 64) String carId,
                              @NotNull @Positive @Digits(integer = 12, fraction = 2) BigDecimal amount,
                              @MultilineText @Size(max = 1000) String message) {
    }

    public record OfferRequest(@NotNull @Positive @Digits(integer = 12, fraction = 2) BigDecimal amount,
                               @MultilineText @Size(max = 1000) String message) {
    }

    public record ReasonRequest(@MultilineText @Size(max = 1000) String reason) {
    }

    public record NegotiationResponse(String negotiationId, NegotiationStatus status) {
    }
}
