package io.carmarket.command.car;

import io.carmarket.api.car.BookCar;
import io.carmarket.api.car.BookingCancellationReason;
import io.carmarket.api.car.BookingCancelled;
import io.carmarket.api.car.BookingReceipt;
import io.carmarket.api.car.BookingStatus;
import io.carmarket.api.car.CancelBooking;
import io.carmarket.api.car.CarBooked;
import io.carmarket.api.car.CarListed;
import io.carmarket.api.car.CarStatus;
import io.carmarket.api.car.DateRange;
import io.carmarket.api.car.ListCar;
import io.carmarket.api.car.Pricing;
import io.carmarket.api.car.RelistCar;
import io.carmarket.api.car.WithdrawCar;
import io.carmarket.api.car.CarRelisted;
import io.carmarket.api.car.CarWithdrawn;
import io.carmarket.api.identity.Actor;
import io.carmarket.command.common.RuleViolation;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Currency;
import java.util.HashMap;
import java.util.Map;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A car listed by a dealer, with the bookings that hold its dates.
 * <p>
 * Command handlers decide and throw {@link RuleViolation} to refuse; event sourcing handlers only change state.
 * The state holds what the invariants need and nothing else: the live bookings' dates and customers.
 */
@Aggregate
public class Car {

    @AggregateIdentifier
    private String carId;
    private String dealerId;
    private CarStatus status;
    private Pricing pricing;
    private int maxBookingDays;
    private ZoneId timeZone;
    private final Map<String, LiveBooking> liveBookings = new HashMap<>();
    private final Map<String, String> cancelledBookingCustomers = new HashMap<>();

    protected Car() {
        // required by Axon to rebuild the car from its events
    }

    @CommandHandler
    public Car(ListCar command, Clock clock) {
        if (command.location() == null || command.location().timeZone() == null) {
            throw RuleViolation.invalid("LOCATION_REQUIRED", "A car needs a location with a time zone");
        }
        requireValidPricing(command.pricing());
        if (command.maxBookingDays() == null || command.maxBookingDays() < 1) {
            throw RuleViolation.invalid("INVALID_MAX_BOOKING_DAYS", "maxBookingDays must be at least 1");
        }
        apply(new CarListed(command.carId(), command.dealerId(), command.description(), command.registration(),
                command.location(), command.images(), command.pricing(), command.maxBookingDays(), clock.instant()));
    }

    @CommandHandler
    public BookingReceipt book(BookCar command, Clock clock) {
        DateRange period = command.period();
        if (liveBookings.containsKey(command.bookingId()) || cancelledBookingCustomers.containsKey(command.bookingId())) {
            throw RuleViolation.conflict("DUPLICATE_BOOKING_ID", "Booking " + command.bookingId() + " already exists");
        }
        requireBookable();
        requireValidPeriod(period, clock);
        requireNoOverlapWith(period);

        BigDecimal totalPrice = priceOf(period);
        BookingStatus status = BookingStatus.CONFIRMED;
        apply(new CarBooked(carId, command.bookingId(), command.customerId(), period, status, totalPrice,
                pricing.currency(), command.notes()));
        return new BookingReceipt(command.bookingId(), status, totalPrice, pricing.currency());
    }

    @CommandHandler
    public void cancel(CancelBooking command, Clock clock) {
        Actor actor = command.requestedBy();
        LiveBooking booking = liveBookings.get(command.bookingId());
        if (booking == null || !mayManageBookingOf(booking.customerId(), actor)) {
            // A booking the actor may not manage is answered exactly like an unknown one: existence does not leak.
            String cancelledFor = cancelledBookingCustomers.get(command.bookingId());
            if (cancelledFor != null && mayManageBookingOf(cancelledFor, actor)) {
                throw RuleViolation.conflict("BOOKING_ALREADY_CANCELLED",
                        "Booking " + command.bookingId() + " is already cancelled");
            }
            throw RuleViolation.notFound("BOOKING_NOT_FOUND", "No booking " + command.bookingId() + " on this car");
        }
        if (!today(clock).isBefore(booking.period().startDate())) {
            throw RuleViolation.conflict("BOOKING_ALREADY_STARTED",
                    "A booking can only be cancelled before its start date " + booking.period().startDate());
        }
        apply(new BookingCancelled(carId, command.bookingId(), booking.period(),
                BookingCancellationReason.ON_REQUEST, command.note()));
    }

    @CommandHandler
    public void withdraw(WithdrawCar command) {
        requireOwnedBy(command.requestedBy());
        if (status != CarStatus.LISTED) {
            throw RuleViolation.conflict("CAR_NOT_LISTED", "Only a listed car can be withdrawn; it is " + status,
                    Map.of("carStatus", status.name()));
        }
        apply(new CarWithdrawn(carId));
    }

    @CommandHandler
    public void relist(RelistCar command) {
        requireOwnedBy(command.requestedBy());
        if (status != CarStatus.WITHDRAWN) {
            throw RuleViolation.conflict("CAR_NOT_WITHDRAWN", "Only a withdrawn car can be relisted; it is " + status,
                    Map.of("carStatus", status.name()));
        }
        apply(new CarRelisted(carId));
    }

    private boolean isOwnedBy(Actor actor) {
        return actor.isAdmin() || actor.is(dealerId);
    }

    private void requireOwnedBy(Actor actor) {
        if (!isOwnedBy(actor)) {
            throw RuleViolation.forbidden("NOT_CAR_OWNER", "Only the car's dealer or an admin may change this car");
        }
    }

    /** A booking is managed by its customer, the car's dealer and admins. */
    private boolean mayManageBookingOf(String customerId, Actor actor) {
        return isOwnedBy(actor) || actor.is(customerId);
    }

    private static void requireValidPricing(Pricing pricing) {
        if (pricing == null || pricing.currency() == null) {
            throw RuleViolation.invalid("CURRENCY_REQUIRED", "A car needs a currency");
        }
        if (!pricing.isOfferedForRental() && !pricing.isOfferedForSale()) {
            throw RuleViolation.invalid("PRICE_REQUIRED", "A car needs a daily rate, an asking price, or both");
        }
        requireValidAmount(pricing.dailyRate(), "dailyRate", pricing.currency());
        requireValidAmount(pricing.askingPrice(), "askingPrice", pricing.currency());
    }

    private static void requireValidAmount(BigDecimal amount, String name, Currency currency) {
        if (amount == null) {
            return;
        }
        if (amount.signum() <= 0) {
            throw RuleViolation.invalid("PRICE_NOT_POSITIVE", name + " must be positive");
        }
        if (amount.stripTrailingZeros().scale() > currency.getDefaultFractionDigits()) {
            throw RuleViolation.invalid("PRICE_TOO_PRECISE", name + " has more decimals than "
                    + currency.getCurrencyCode() + " allows (" + currency.getDefaultFractionDigits() + ")");
        }
    }

    private void requireBookable() {
        if (status != CarStatus.LISTED) {
            throw RuleViolation.conflict("CAR_NOT_BOOKABLE", "The car is " + status + " and takes no bookings",
                    Map.of("carStatus", status.name()));
        }
        if (!pricing.isOfferedForRental()) {
            throw RuleViolation.conflict("CAR_NOT_FOR_RENT", "The car is offered for sale only, not for rental");
        }
    }

    private void requireValidPeriod(DateRange period, Clock clock) {
        if (period.isEmpty()) {
            throw RuleViolation.invalid("INVALID_PERIOD", "endDate must be after startDate");
        }
        LocalDate today = today(clock);
        if (period.startDate().isBefore(today)) {
            throw RuleViolation.invalid("START_DATE_IN_PAST",
                    "startDate must be today (" + today + " in " + timeZone + ") or later");
        }
        if (period.days() > maxBookingDays) {
            throw RuleViolation.invalid("BOOKING_TOO_LONG",
                    "A booking of this car lasts at most " + maxBookingDays + " days");
        }
    }

    private void requireNoOverlapWith(DateRange period) {
        liveBookings.values().stream()
                .filter(booking -> booking.period().overlaps(period))
                .findFirst()
                .ifPresent(conflicting -> {
                    throw RuleViolation.conflict("BOOKING_OVERLAP",
                            "The car is already booked from " + conflicting.period().startDate()
                                    + " to " + conflicting.period().endDate(),
                            Map.of("conflictingStartDate", conflicting.period().startDate().toString(),
                                    "conflictingEndDate", conflicting.period().endDate().toString()));
                });
    }

    private BigDecimal priceOf(DateRange period) {
        int scale = Math.max(pricing.currency().getDefaultFractionDigits(), 0);
        return pricing.dailyRate().multiply(BigDecimal.valueOf(period.days())).setScale(scale, RoundingMode.HALF_UP);
    }

    private LocalDate today(Clock clock) {
        return LocalDate.now(clock.withZone(timeZone));
    }

    @EventSourcingHandler
    void on(CarListed event) {
        carId = event.carId();
        dealerId = event.dealerId();
        status = CarStatus.LISTED;
        pricing = event.pricing();
        maxBookingDays = event.maxBookingDays();
        timeZone = event.location().timeZone();
    }

    @EventSourcingHandler
    void on(CarWithdrawn event) {
        status = CarStatus.WITHDRAWN;
    }

    @EventSourcingHandler
    void on(CarRelisted event) {
        status = CarStatus.LISTED;
    }

    @EventSourcingHandler
    void on(CarBooked event) {
        liveBookings.put(event.bookingId(), new LiveBooking(event.customerId(), event.period()));
    }

    @EventSourcingHandler
    void on(BookingCancelled event) {
        LiveBooking cancelled = liveBookings.remove(event.bookingId());
        cancelledBookingCustomers.put(event.bookingId(), cancelled.customerId());
    }

    private record LiveBooking(String customerId, DateRange period) {
    }
}
