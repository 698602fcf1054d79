package io.carmarket.command.car;

import io.carmarket.api.car.BookingApprovalExpired;
import io.carmarket.api.car.BookingApproved;
import io.carmarket.api.car.BookingCancelled;
import io.carmarket.api.car.BookingRejected;
import io.carmarket.api.car.BookingRescheduled;
import io.carmarket.api.car.BookingStatus;
import io.carmarket.api.car.CarBooked;
import io.carmarket.api.car.purchase.PurchaseCompleted;
import io.carmarket.api.car.purchase.PurchaseReservationCancelled;
import io.carmarket.api.car.purchase.PurchaseReservationConfirmed;
import io.carmarket.api.car.purchase.PurchaseReservationExpired;
import io.carmarket.api.car.purchase.PurchaseReserved;
import io.carmarket.command.deadline.DeadlineKind;
import io.carmarket.command.deadline.Deadlines;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.stereotype.Component;

import java.time.Instant;

/**
 * Keeps the write side's {@link Deadlines} in step with the Car events: a booking awaiting approval and an
 * unconfirmed purchase reservation each have one until they are answered. A subscribing processor runs these
 * handlers with the command that emitted the event: if the table cannot be written, the command fails and nothing
 * is lost.
 */
@Component
@ProcessingGroup(CarDeadlines.PROCESSING_GROUP)
public class CarDeadlines {

    public static final String PROCESSING_GROUP = "car-deadlines";

    private final Deadlines deadlines;

    public CarDeadlines(Deadlines deadlines) {
        this.deadlines = deadlines;
    }

    @EventHandler
    void on(CarBooked event) {
        if (event.status() == BookingStatus.PENDING_APPROVAL) {
            schedule(DeadlineKind.BOOKING_APPROVAL, event.carId(), event.bookingId(), event.approvalDeadline());
        }
    }

    @EventHandler
    void on(BookingRescheduled event) {
        if (event.status() == BookingStatus.PENDING_APPROVAL) {
            schedule(DeadlineKind.BOOKING_APPROVAL, event.carId(), event.bookingId(), event.approvalDeadline());
        } else {
            cancel(DeadlineKind.BOOKING_APPROVAL, event.bookingId());
        }
    }

    @EventHandler
    void on(BookingApproved event) {
        cancel(DeadlineKind.BOOKING_APPROVAL, event.bookingId());
    }

    @EventHandler
    void on(BookingRejected event) {
        cancel(DeadlineKind.BOOKING_APPROVAL, event.bookingId());
    }

    @EventHandler
    void on(BookingApprovalExpired event) {
        cancel(DeadlineKind.BOOKING_APPROVAL, event.bookingId());
    }

    @EventHandler
    void on(BookingCancelled event) {
        cancel(DeadlineKind.BOOKING_APPROVAL, event.bookingId());
    }

    @EventHandler
    void on(PurchaseReserved event) {
        schedule(DeadlineKind.RESERVATION_CONFIRMATION, event.carId(), event.reservationId(), event.expiresAt());
    }

    @EventHandler
    void on(PurchaseReservationConfirmed event) {
        cancel(DeadlineKind.RESERVATION_CONFIRMATION, event.reservationId());
    }

    @EventHandler
    void on(PurchaseReservationCancelled event) {
        cancel(DeadlineKind.RESERVATION_CONFIRMATION, event.reservationId());
    }

    @EventHandler
    void on(PurchaseReservationExpired event) {
        cancel(DeadlineKind.RESERVATION_CONFIRMATION, event.reservationId());
    }

    @EventHandler
    void on(PurchaseCompleted event) {
        cancel(DeadlineKind.RESERVATION_CONFIRMATION, event.reservationId());
    }

    private void schedule(DeadlineKind kind, String carId, String targetId, Instant dueAt) {
        deadlines.schedule(kind, targetId, carId, targetId, dueAt);
    }

    private void cancel(DeadlineKind kind, String targetId) {
        deadlines.cancel(kind, targetId);
    }
}
