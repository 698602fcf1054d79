package io.carmarket.command.negotiation;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import io.carmarket.api.car.CarSold;
import io.carmarket.api.car.purchase.PaymentMethod;
import io.carmarket.api.car.purchase.PurchaseReservationReceipt;
import io.carmarket.api.car.purchase.ReservePurchase;
import io.carmarket.api.identity.Actor;
import io.carmarket.api.identity.Role;
import io.carmarket.api.negotiation.EndNegotiation;
import io.carmarket.api.negotiation.FailNegotiation;
import io.carmarket.api.negotiation.NegotiationCancelled;
import io.carmarket.api.negotiation.NegotiationEnded;
import io.carmarket.api.negotiation.NegotiationFailed;
import io.carmarket.api.negotiation.NegotiationOpened;
import io.carmarket.api.negotiation.OfferAccepted;
import io.carmarket.api.negotiation.OfferExpired;
import io.carmarket.api.negotiation.OfferRejected;
import io.carmarket.api.negotiation.PurchaseArranged;
import io.carmarket.api.negotiation.RecordPurchaseArranged;
import io.carmarket.api.rejection.CommandRejection;
import io.carmarket.command.car.OrderNumbers;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.saga.EndSaga;
import org.axonframework.modelling.saga.SagaEventHandler;
import org.axonframework.modelling.saga.SagaLifecycle;
import org.axonframework.modelling.saga.StartSaga;
import org.axonframework.spring.stereotype.Saga;
import org.springframework.beans.factory.annotation.Autowired;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;

/**
 * The process around one negotiation, from its opening to its end. When an offer is accepted it reserves the car
 * for the buyer at the agreed price through the Car aggregate, which decides whether the car can still be
 * reserved: if so the negotiation records the purchase, if not it fails with the car's reason. While it is open,
 * a sale of the car to someone else ends it.
 * <p>
 * Its state is stored by Jackson between events: fields are written directly, the injected resources (transient)
 * are not.
 */
@Saga
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public class NegotiationSaga {

    static final String NEGOTIATION_ID = "negotiationId";
    static final String CAR_ID = "carId";
    static final String CAR_SOLD = "CAR_SOLD";
    static final String UNEXPECTED_FAILURE = "RESERVATION_FAILED";

    private String negotiationId;
    private String carId;
    private String buyerId;

    @Autowired
    private transient CommandGateway commandGateway;
    @Autowired
    private transient OrderNumbers orderNumbers;
    @Autowired
    private transient Clock clock;
    @Autowired
    private transient NegotiationPolicy policy;

    @StartSaga
    @SagaEventHandler(associationProperty = NEGOTIATION_ID)
    void on(NegotiationOpened event) {
        negotiationId = event.negotiationId();
        carId = event.carId();
        buyerId = event.buyerId();
        SagaLifecycle.associateWith(CAR_ID, carId);
    }

    /**
     * Safe to repeat (the processor retries a failed event): the reservation id follows from the negotiation, the
     * car answers a repeated reservation with its first receipt, and the negotiation records it once.
     */
    @SagaEventHandler(associationProperty = NEGOTIATION_ID)
    void on(OfferAccepted event) {
        String reservationId = reservationIdOf(event.negotiationId());
        LocalDate handover = LocalDate.now(clock).plusDays(policy.handoverAfter().toDays());
        PurchaseReservationReceipt receipt;
        try {
            receipt = commandGateway.sendAndWait(new ReservePurchase(event.carId(), reservationId,
                    orderNumbers.next(), new Actor(event.buyerId(), Role.CUSTOMER), PaymentMethod.FULL_PAYMENT, null,
                    null, handover, event.amount()));
        } catch (CommandExecutionException refused) {
            CommandRejection rejection = refused.getDetails().filter(CommandRejection.class::isInstance)
                    .map(CommandRejection.class::cast).orElse(null);
            commandGateway.sendAndWait(new FailNegotiation(negotiationId,
                    rejection == null ? UNEXPECTED_FAILURE : rejection.code(),
                    rejection == null ? "The car could not be reserved" : rejection.message()));
            return;
        }
        commandGateway.sendAndWait(new RecordPurchaseArranged(negotiationId, reservationId, receipt.orderNumber()));
    }

    static String reservationIdOf(String negotiationId) {
        return UUID.nameUUIDFromBytes(("negotiation:" + negotiationId).getBytes(StandardCharsets.UTF_8)).toString();
    }

    @SagaEventHandler(associationProperty = CAR_ID)
    void on(CarSold event) {
        if (!buyerId.equals(event.buyerId())) {
            try {
                commandGateway.sendAndWait(new EndNegotiation(negotiationId, CAR_SOLD));
            } catch (CommandExecutionException notOpen) {
                // Already accepted, failed or closed: its own end follows from that.
            }
        }
    }

    @EndSaga
    @SagaEventHandler(associationProperty = NEGOTIATION_ID)
    void on(PurchaseArranged event) {
        // the car is reserved for the buyer; the purchase continues on the car
    }

    @EndSaga
    @SagaEventHandler(associationProperty = NEGOTIATION_ID)
    void on(NegotiationFailed event) {
        // nothing left to do
    }

    @EndSaga
    @SagaEventHandler(associationProperty = NEGOTIATION_ID)
    void on(OfferRejected event) {
        // nothing left to do
    }

    @EndSaga
    @SagaEventHandler(associationProperty = NEGOTIATION_ID)
    void on(NegotiationCancelled event) {
        // nothing left to do
    }

    @EndSaga
    @SagaEventHandler(associationProperty = NEGOTIATION_ID)
    void on(OfferExpired event) {
        // nothing left to do
    }

    @EndSaga
    @SagaEventHandler(associationProperty = NEGOTIATION_ID)
    void on(NegotiationEnded event) {
        // nothing left to do
    }
}
