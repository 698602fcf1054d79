package io.carmarket.command.car;

import io.carmarket.api.car.CarStatus;
import io.carmarket.api.car.ChangeListing;
import io.carmarket.api.car.DefinePeakWindows;
import io.carmarket.api.car.FeatureCar;
import io.carmarket.api.car.RelistCar;
import io.carmarket.api.car.WithdrawCar;
import io.carmarket.support.security.AuthenticatedUser;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.List;
import java.util.UUID;

/**
 * Commands on a car's listing. Each request answers only after the Car aggregate has decided: 201/200, or the
 * rejection as problem+json. Roles are checked before (see {@code CommandEndpointRoles}); ownership is a business
 * rule decided by the aggregate.
 */
@RestController
@RequestMapping("/api/v1/cars")
public class CarCommandController {

    static final int MAX_PEAK_WINDOWS = 20;

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

    @PatchMapping("/{carId}")
    public CarChangedResponse change(@PathVariable String carId, @Valid @RequestBody ChangeListingRequest request,
                                     @AuthenticationPrincipal AuthenticatedUser user) {
        commandGateway.sendAndWait(new ChangeListing(carId, request.toChanges(listingDefaults), user.actor()));
        return new CarChangedResponse(carId);
    }

    @PutMapping("/{carId}/featured")
    public FeaturedResponse feature(@PathVariable String carId, @Valid @RequestBody FeaturedRequest request,
                                    @AuthenticationPrincipal AuthenticatedUser admin) {
        commandGateway.sendAndWait(new FeatureCar(carId, request.featured(), admin.actor()));
        return new FeaturedResponse(carId, request.featured());
    }

    @PutMapping("/{carId}/peak-windows")
    public PeakWindowsResponse definePeakWindows(@PathVariable String carId,
                                                 @RequestBody @NotNull @Size(max = MAX_PEAK_WINDOWS)
                                                 List<@NotNull @Valid PeakWindowRequest> windows,
                                                 @AuthenticationPrincipal AuthenticatedUser user) {
        commandGateway.sendAndWait(new DefinePeakWindows(carId,
                windows.stream().map(PeakWindowRequest::toPeakWindow).toList(), user.actor()));
        return new PeakWindowsResponse(carId, windows.size());
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

    public record CarListedResponse(String carId) {
    }

    public record CarChangedResponse(String carId) {
    }

    public record FeaturedRequest(@NotNull Boolean featured) {
    }

    public record FeaturedResponse(String carId, boolean featured) {
    }

    public record PeakWindowsResponse(String carId, int windows) {
    }

    public record CarStatusResponse(String carId, CarStatus status) {
    }
}
