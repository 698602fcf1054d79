package io.carmarket.command.car;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import io.carmarket.api.car.ApproveBooking;
import io.carmarket.api.car.BookCar;
import io.carmarket.api.car.BookingApprovalExpired;
import io.carmarket.api.car.BookingApproved;
import io.carmarket.api.car.BookingCancellationReason;
import io.carmarket.api.car.BookingCancelled;
import io.carmarket.api.car.BookingReceipt;
import io.carmarket.api.car.BookingRejected;
import io.carmarket.api.car.BookingRescheduled;
import io.carmarket.api.car.BookingStatus;
import io.carmarket.api.car.CancelBooking;
import io.carmarket.api.car.CarBooked;
import io.carmarket.api.car.CarFeatureChanged;
import io.carmarket.api.car.CarListed;
import io.carmarket.api.car.CarListingChanged;
import io.carmarket.api.car.CarRelisted;
import io.carmarket.api.car.CarSold;
import io.carmarket.api.car.CarStatus;
import io.carmarket.api.car.CarWithdrawn;
import io.carmarket.api.car.ChangeListing;
import io.carmarket.api.car.DateRange;
import io.carmarket.api.car.DefinePeakWindows;
import io.carmarket.api.car.ExpireBookingApproval;
import io.carmarket.api.car.FeatureCar;
import io.carmarket.api.car.ListCar;
import io.carmarket.api.car.ListingChanges;
import io.carmarket.api.car.PeakWindow;
import io.carmarket.api.car.PeakWindowsDefined;
import io.carmarket.api.car.Pricing;
import io.carmarket.api.car.RejectBooking;
import io.carmarket.api.car.RelistCar;
import io.carmarket.api.car.RescheduleBooking;
import io.carmarket.api.car.WithdrawCar;
import io.carmarket.api.car.purchase.CancelPurchaseReservation;
import io.carmarket.api.car.purchase.CompletePurchase;
import io.carmarket.api.car.purchase.ConfirmPurchaseReservation;
import io.carmarket.api.car.purchase.ExpirePurchaseReservation;
import io.carmarket.api.car.purchase.InspectionScheduled;
import io.carmarket.api.car.purchase.PurchaseCompleted;
import io.carmarket.api.car.purchase.PurchaseReservationCancelled;
import io.carmarket.api.car.purchase.PurchaseReservationConfirmed;
import io.carmarket.api.car.purchase.PurchaseReservationExpired;
import io.carmarket.api.car.purchase.PurchaseReservationReceipt;
import io.carmarket.api.car.purchase.PurchaseReservationStatus;
import io.carmarket.api.car.purchase.PurchaseReserved;
import io.carmarket.api.car.purchase.ReservePurchase;
import io.carmarket.api.car.purchase.ScheduleInspection;
import io.carmarket.api.identity.Actor;
import io.carmarket.command.audit.AuditedAggregate;
import io.carmarket.command.common.Money;
import io.carmarket.command.common.RefusalsChangeNothing;
import io.carmarket.command.common.RuleViolation;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CommandHandlerInterceptor;
import org.axonframework.spring.stereotype.Aggregate;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A car listed by a dealer: its listing, the bookings that hold its dates, and its sale.
 * <p>
 * Command handlers decide and throw {@link RuleViolation} to refuse; event sourcing handlers only change state.
 * The state holds what the rules need and nothing else: the prices, the peak windows, the bookings that have not
 * ended yet, and the live purchase reservation. Bookings that have ended are dropped, so the state stays small
 * however many bookings a car has had (and snapshots stay small too).
 * <p>
 * Jackson reads and writes the fields directly when Axon takes a snapshot.
 */
@Aggregate(repository = CarConfiguration.REPOSITORY)
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public class Car implements AuditedAggregate {

    @AggregateIdentifier
    private String carId;
    private String dealerId;
    private CarStatus status;
    private Pricing pricing;
    private int maxBookingDays;
    private ZoneId timeZone;
    private boolean featured;
    private List<PeakWindow> peakWindows = new ArrayList<>();
    private Map<String, Booking> bookings = new HashMap<>();
    private Reservation reservation;
    private Map<String, Reservation> closedReservations = new HashMap<>();

    protected Car() {
        // required by Axon to rebuild the car from its events
    }

    /** A refusal leaves the car as it was: its command handlers decide before they apply (D37). */
    @CommandHandlerInterceptor
    Object refuseOnlyBeforeAnyChange(InterceptorChain handler) throws Exception {
        return RefusalsChangeNothing.proceed(handler);
    }

    // --- listing -------------------------------------------------------------------------------------------------

    @CommandHandler
    public Car(ListCar command, Clock clock) {
        if (command.location() == null || command.location().timeZone() == null) {
            throw RuleViolation.invalid("LOCATION_REQUIRED", "A car needs a location with a time zone");
        }
        requireValidPricing(command.pricing());
        requireValidMaxBookingDays(command.maxBookingDays());
        apply(new CarListed(command.carId(), command.dealerId(), command.description(), command.registration(),
                command.location(), command.images(), command.pricing(), command.maxBookingDays(), clock.instant()));
    }

    @CommandHandler
    public void changeListing(ChangeListing command) {
        requireOwnedBy(command.requestedBy());
        requireNotSold();
        ListingChanges changes = command.changes();
        if (changes == null || changes.changesNothing()) {
            throw RuleViolation.invalid("NO_CHANGES", "The request changes nothing");
        }
        if (changes.location() != null && changes.location().timeZone() == null) {
            throw RuleViolation.invalid("LOCATION_REQUIRED", "A location needs a time zone");
        }
        requireValidAmount(changes.dailyRate(), "dailyRate");
        requireValidAmount(changes.askingPrice(), "askingPrice");
        if (changes.maxBookingDays() != null) {
            requireValidMaxBookingDays(changes.maxBookingDays());
        }
        apply(new CarListingChanged(carId, changes));
    }

    @CommandHandler
    public void feature(FeatureCar command) {
        if (!command.requestedBy().hasAdminRole()) {
            throw RuleViolation.forbidden("ADMIN_ONLY", "Only an admin features cars");
        }
        if (command.featured() && status != CarStatus.LISTED && status != CarStatus.RESERVED) {
            throw RuleViolation.conflict("CAR_NOT_LISTED", "Only a car on the market can be featured; it is " + status,
                    Map.of("carStatus", status.name()));
        }
        if (command.featured() != featured) {
            apply(new CarFeatureChanged(carId, command.featured()));
        }
    }

    @CommandHandler
    public void definePeakWindows(DefinePeakWindows command, Clock clock, CarPolicy policy) {
        requireOwnedBy(command.requestedBy());
        requireNotSold();
        for (PeakWindow window : command.windows()) {
            requireWithinHorizon(window.from(), "from", clock, policy);
            requireWithinHorizon(window.until(), "until", clock, policy);
            if (window.weekdays().isEmpty() && window.from() == null && window.until() == null) {
                throw RuleViolation.invalid("INVALID_PEAK_WINDOW", "A peak window names weekdays, dates, or both");
            }
            if (window.from() != null && window.until() != null && !window.until().isAfter(window.from())) {
                throw RuleViolation.invalid("INVALID_PEAK_WINDOW", "A peak window's until must be after its from");
            }
        }
        apply(new PeakWindowsDefined(carId, command.windows()));
    }

    @CommandHandler
    public void withdraw(WithdrawCar command) {
        requireOwnedBy(command.requestedBy());
        if (status != CarStatus.LISTED) {
            throw RuleViolation.conflict("CAR_NOT_LISTED", "Only a listed car can be withdrawn; it is " + status,
                    Map.of("carStatus", status.name()));
        }
        apply(new CarWithdrawn(carId));
        stopFeaturing();
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

    // --- bookings ------------------------------------------------------------------------------------------------

    @CommandHandler
    public BookingReceipt book(BookCar command, Clock clock, CarPolicy policy) {
        DateRange period = command.period();
        if (bookings.containsKey(command.bookingId())) {
            throw RuleViolation.conflict("DUPLICATE_BOOKING_ID", "Booking " + command.bookingId() + " already exists");
        }
        requireBookable(period);
        requireValidPeriod(period, clock, policy);
        requireNoOverlap(period, null);
        BookingStatus bookingStatus = statusFor(period);
        Instant approvalDeadline = approvalDeadlineFor(bookingStatus, clock, policy);
        BigDecimal totalPrice = priceOf(period);
        apply(new CarBooked(carId, command.bookingId(), command.customerId(), period, bookingStatus, totalPrice,
                pricing.currency(), command.notes(), approvalDeadline));
        return new BookingReceipt(command.bookingId(), bookingStatus, totalPrice, pricing.currency());
    }

    @CommandHandler
    public BookingReceipt reschedule(RescheduleBooking command, Clock clock, CarPolicy policy) {
        Booking booking = manageableLiveBooking(command.bookingId(), command.requestedBy());
        requireNotStarted(booking, clock);
        DateRange period = command.newPeriod();
        requireBookable(period);
        requireValidPeriod(period, clock, policy);
        requireNoOverlap(period, command.bookingId());
        BookingStatus bookingStatus = statusFor(period);
        Instant approvalDeadline = approvalDeadlineFor(bookingStatus, clock, policy);
        BigDecimal totalPrice = priceOf(period);
        apply(new BookingRescheduled(carId, command.bookingId(), booking.customerId(), booking.period(), period,
                bookingStatus, totalPrice, pricing.currency(), approvalDeadline));
        return new BookingReceipt(command.bookingId(), bookingStatus, totalPrice, pricing.currency());
    }

    @CommandHandler
    public void cancel(CancelBooking command, Clock clock) {
        Booking booking = manageableLiveBooking(command.bookingId(), command.requestedBy());
        requireNotStarted(booking, clock);
        apply(new BookingCancelled(carId, command.bookingId(), booking.period(), BookingCancellationReason.ON_REQUEST,
                command.note()));
    }

    @CommandHandler
    public void approve(ApproveBooking command) {
        requireNotSold();
        Booking booking = pendingBookingManagedByOwner(command.bookingId(), command.requestedBy());
        apply(new BookingApproved(carId, command.bookingId(), booking.customerId(), booking.period()));
    }

    @CommandHandler
    public void reject(RejectBooking command) {
        Booking booking = pendingBookingManagedByOwner(command.bookingId(), command.requestedBy());
        apply(new BookingRejected(carId, command.bookingId(), booking.customerId(), booking.period(),
                command.reason()));
    }

    @CommandHandler
    public void expireApproval(ExpireBookingApproval command, Clock clock) {
        Booking booking = bookings.get(command.bookingId());
        if (booking == null || booking.status() != BookingStatus.PENDING_APPROVAL) {
            throw RuleViolation.conflict("BOOKING_NOT_PENDING", "The booking no longer awaits approval");
        }
        if (clock.instant().isBefore(booking.approvalDeadline())) {
            throw RuleViolation.conflict("NOT_DUE", "The booking's approval deadline has not passed");
        }
        apply(new BookingApprovalExpired(carId, command.bookingId(), booking.customerId(), booking.period()));
    }

    // --- purchase ------------------------------------------------------------------------------------------------

    @CommandHandler
    public PurchaseReservationReceipt reserve(ReservePurchase command, Clock clock, CarPolicy policy) {
        Actor customer = command.customer();
        if (reservation != null && reservation.reservationId().equals(command.reservationId())
                && customer.is(reservation.customerId())) {
            // The same reservation asked for again (a retry): its first answer, and nothing new.
            return new PurchaseReservationReceipt(reservation.reservationId(), reservation.orderNumber(),
                    reservation.totalAmount(), pricing.currency(), reservation.status());
        }
        if (customer.is(dealerId)) {
            throw RuleViolation.forbidden("OWN_CAR", "A dealer cannot buy their own car");
        }
        if (reservation != null) {
            throw RuleViolation.conflict("CAR_ALREADY_RESERVED", "The car is already reserved for purchase");
        }
        if (status != CarStatus.LISTED) {
            throw RuleViolation.conflict("CAR_NOT_AVAILABLE", "The car is " + status + " and cannot be reserved",
                    Map.of("carStatus", status.name()));
        }
        if (!pricing.offersSale()) {
            throw RuleViolation.conflict("CAR_NOT_FOR_SALE", "The car is offered for rental only, not for sale");
        }
        if (closedReservations.containsKey(command.reservationId())) {
            throw RuleViolation.conflict("DUPLICATE_RESERVATION_ID", "Reservation " + command.reservationId()
                    + " already exists");
        }
        if (command.handoverDate() == null || command.handoverDate().isBefore(today(clock))) {
            throw RuleViolation.invalid("HANDOVER_IN_PAST", "The handover date must be today or later");
        }
        requireWithinHorizon(command.handoverDate(), "handoverDate", clock, policy);
        PurchaseTerms terms = PurchaseTerms.of(command, pricing);
        Instant expiresAt = clock.instant().plus(policy.reservationTimeout());
        apply(new PurchaseReserved(carId, command.reservationId(), command.orderNumber(), customer.userId(),
                command.paymentMethod(), command.financing(), command.tradeIn(), terms.price(), terms.totalAmount(),
                terms.financedAmount(), pricing.currency(), command.handoverDate(), expiresAt));
        return new PurchaseReservationReceipt(command.reservationId(), command.orderNumber(), terms.totalAmount(),
                pricing.currency(), PurchaseReservationStatus.PENDING);
    }

    @CommandHandler
    public void confirm(ConfirmPurchaseReservation command) {
        Reservation live = liveReservationMovedByOwner(command.reservationId(), command.requestedBy());
        requireReservationStatus(live, PurchaseReservationStatus.PENDING);
        apply(new PurchaseReservationConfirmed(carId, live.reservationId(), live.customerId()));
    }

    @CommandHandler
    public void scheduleInspection(ScheduleInspection command, Clock clock, CarPolicy policy) {
        Reservation live = liveReservationMovedByOwner(command.reservationId(), command.requestedBy());
        requireReservationStatus(live, PurchaseReservationStatus.CONFIRMED);
        if (command.inspectionDate() == null || command.inspectionDate().isBefore(today(clock))) {
            throw RuleViolation.invalid("INSPECTION_IN_PAST", "The inspection date must be today or later");
        }
        requireWithinHorizon(command.inspectionDate(), "inspectionDate", clock, policy);
        apply(new InspectionScheduled(carId, live.reservationId(), live.customerId(), command.inspectionDate()));
    }

    @CommandHandler
    public void complete(CompletePurchase command, Clock clock) {
        Reservation live = liveReservationMovedByOwner(command.reservationId(), command.requestedBy());
        requireReservationStatus(live, PurchaseReservationStatus.INSPECTION_SCHEDULED);
        apply(new PurchaseCompleted(carId, live.reservationId(), live.customerId(), live.totalAmount(),
                pricing.currency()));
        apply(new CarSold(carId, live.customerId(), live.reservationId(), live.price(), pricing.currency()));
        stopFeaturing();
        LocalDate today = today(clock);
        bookings.entrySet().stream()
                .filter(entry -> entry.getValue().status().isLive())
                .filter(entry -> entry.getValue().period().startDate().isAfter(today))
                .toList()
                .forEach(entry -> apply(new BookingCancelled(carId, entry.getKey(), entry.getValue().period(),
                        BookingCancellationReason.CAR_SOLD, null)));
    }

    @CommandHandler
    public void cancelReservation(CancelPurchaseReservation command) {
        Actor actor = command.requestedBy();
        Reservation live = reservationVisibleTo(command.reservationId(), actor);
        if (!live.status().isLive()) {
            throw RuleViolation.conflict("RESERVATION_CLOSED", "The reservation is already " + live.status(),
                    Map.of("reservationStatus", live.status().name()));
        }
        boolean customerMayCancel = live.status() == PurchaseReservationStatus.PENDING
                || live.status() == PurchaseReservationStatus.CONFIRMED;
        if (!isOwnedBy(actor) && !customerMayCancel) {
            throw RuleViolation.conflict("INSPECTION_SCHEDULED",
                    "Once the inspection is scheduled, only the dealer can cancel the reservation");
        }
        apply(new PurchaseReservationCancelled(carId, live.reservationId(), live.customerId(), command.reason()));
    }

    @CommandHandler
    public void expireReservation(ExpirePurchaseReservation command, Clock clock) {
        if (reservation == null || !reservation.reservationId().equals(command.reservationId())
                || reservation.status() != PurchaseReservationStatus.PENDING) {
            throw RuleViolation.conflict("RESERVATION_NOT_PENDING", "The reservation is no longer unconfirmed");
        }
        if (clock.instant().isBefore(reservation.expiresAt())) {
            throw RuleViolation.conflict("NOT_DUE", "The reservation has not expired yet");
        }
        apply(new PurchaseReservationExpired(carId, reservation.reservationId(), reservation.customerId()));
    }

    /** A car off the market is not featured: said as an event, so read models need not infer it. */
    private void stopFeaturing() {
        if (featured) {
            apply(new CarFeatureChanged(carId, false));
        }
    }

    // --- audit -------------------------------------------------------------------------------------------------

    /** What the car holds now, for the audit API: the state its rules decide with ({@link CarState}). */
    @Override
    public CarState state() {
        List<CarState.Booking> heldBookings = bookings.entrySet().stream()
                .map(entry -> new CarState.Booking(entry.getKey(), entry.getValue().customerId(),
                        entry.getValue().period().startDate(), entry.getValue().period().endDate(),
                        entry.getValue().status(), entry.getValue().approvalDeadline()))
                .sorted(Comparator.comparing(CarState.Booking::startDate).thenComparing(CarState.Booking::bookingId))
                .toList();
        CarState.PurchaseReservation liveReservation = reservation == null ? null
                : new CarState.PurchaseReservation(reservation.reservationId(), reservation.orderNumber(),
                reservation.customerId(), reservation.status(), reservation.handoverDate(), reservation.expiresAt(),
                reservation.price(), reservation.totalAmount());
        return new CarState(carId, dealerId, status, featured,
                new CarState.Pricing(pricing.dailyRate(), pricing.askingPrice(), pricing.currency().getCurrencyCode()),
                maxBookingDays, timeZone.getId(), peakWindows, heldBookings, liveReservation);
    }

    // --- rules ---------------------------------------------------------------------------------------------------

    private boolean isOwnedBy(Actor actor) {
        return actor.hasAdminRole() || actor.is(dealerId);
    }

    private void requireOwnedBy(Actor actor) {
        if (!isOwnedBy(actor)) {
            throw RuleViolation.forbidden("NOT_CAR_OWNER", "Only the car's dealer or an admin may change this car");
        }
    }

    private void requireNotSold() {
        if (status == CarStatus.SOLD) {
            throw RuleViolation.conflict("CAR_SOLD", "The car is sold; it takes no more changes");
        }
    }

    /**
     * The booking, if the actor may manage it: its customer, the car's dealer, an admin. To anyone else it does
     * not exist, so that existence does not leak.
     */
    private Booking manageableLiveBooking(String bookingId, Actor actor) {
        Booking booking = bookings.get(bookingId);
        if (booking == null || !(isOwnedBy(actor) || actor.is(booking.customerId()))) {
            throw RuleViolation.notFound("BOOKING_NOT_FOUND", "No booking " + bookingId + " on this car");
        }
        if (!booking.status().isLive()) {
            throw RuleViolation.conflict("BOOKING_ALREADY_" + booking.status().name(), "Booking " + bookingId
                    + " is already " + booking.status(), Map.of("bookingStatus", booking.status().name()));
        }
        return booking;
    }

    private Booking pendingBookingManagedByOwner(String bookingId, Actor actor) {
        Booking booking = bookings.get(bookingId);
        if (booking == null || !isOwnedBy(actor)) {
            throw RuleViolation.notFound("BOOKING_NOT_FOUND", "No booking " + bookingId + " on this car");
        }
        if (booking.status() != BookingStatus.PENDING_APPROVAL) {
            throw RuleViolation.conflict("BOOKING_NOT_PENDING", "Booking " + bookingId + " does not await approval; it "
                    + "is " + booking.status(), Map.of("bookingStatus", booking.status().name()));
        }
        return booking;
    }

    private void requireNotStarted(Booking booking, Clock clock) {
        if (!today(clock).isBefore(booking.period().startDate())) {
            throw RuleViolation.conflict("BOOKING_ALREADY_STARTED",
                    "A booking can only be changed before its start date " + booking.period().startDate());
        }
    }

    private void requireBookable(DateRange period) {
        if (status == CarStatus.RESERVED && period.startDate().isAfter(reservation.handoverDate())) {
            throw RuleViolation.conflict("CAR_RESERVED", "The car is reserved for purchase and handed over on "
                    + reservation.handoverDate() + "; no booking can start after that",
                    Map.of("handoverDate", reservation.handoverDate().toString()));
        }
        if (status != CarStatus.LISTED && status != CarStatus.RESERVED) {
            throw RuleViolation.conflict("CAR_NOT_BOOKABLE", "The car is " + status + " and takes no bookings",
                    Map.of("carStatus", status.name()));
        }
        if (!pricing.offersRental()) {
            throw RuleViolation.conflict("CAR_NOT_FOR_RENT", "The car is offered for sale only, not for rental");
        }
    }

    private void requireValidPeriod(DateRange period, Clock clock, CarPolicy policy) {
        if (period.hasNoNights()) {
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
        requireWithinHorizon(period.endDate(), "endDate", clock, policy);
    }

    /** Nothing is planned further ahead than the booking horizon: an absent date is left to other rules. */
    private void requireWithinHorizon(LocalDate date, String field, Clock clock, CarPolicy policy) {
        LocalDate latest = policy.horizonFrom(today(clock));
        if (date != null && date.isAfter(latest)) {
            throw RuleViolation.invalid("DATE_BEYOND_HORIZON", field + " must be " + latest + " or earlier: the car "
                    + "takes dates at most " + policy.bookingHorizon() + " ahead",
                    Map.of("field", field, "latestDate", latest.toString()));
        }
    }

    /** No live booking other than {@code ignoredBookingId} may share a night with {@code period}. */
    private void requireNoOverlap(DateRange period, String ignoredBookingId) {
        bookings.entrySet().stream()
                .filter(entry -> !entry.getKey().equals(ignoredBookingId))
                .map(Map.Entry::getValue)
                .filter(booking -> booking.status().isLive() && booking.period().overlaps(period))
                .findFirst()
                .ifPresent(conflicting -> {
                    throw RuleViolation.conflict("BOOKING_OVERLAP",
                            "The car is already booked from " + conflicting.period().startDate()
                                    + " to " + conflicting.period().endDate(),
                            Map.of("conflictingStartDate", conflicting.period().startDate().toString(),
                                    "conflictingEndDate", conflicting.period().endDate().toString()));
                });
    }

    private BookingStatus statusFor(DateRange period) {
        return peakWindows.stream().anyMatch(window -> window.touches(period))
                ? BookingStatus.PENDING_APPROVAL : BookingStatus.CONFIRMED;
    }

    private static Instant approvalDeadlineFor(BookingStatus bookingStatus, Clock clock, CarPolicy policy) {
        return bookingStatus == BookingStatus.PENDING_APPROVAL ? clock.instant().plus(policy.approvalTimeout()) : null;
    }

    private Reservation reservationVisibleTo(String reservationId, Actor actor) {
        Reservation found = reservation != null && reservation.reservationId().equals(reservationId)
                ? reservation : closedReservations.get(reservationId);
        if (found == null || !(isOwnedBy(actor) || actor.is(found.customerId()))) {
            throw RuleViolation.notFound("RESERVATION_NOT_FOUND", "No purchase reservation " + reservationId
                    + " on this car");
        }
        return found;
    }

    private Reservation liveReservationMovedByOwner(String reservationId, Actor actor) {
        Reservation found = reservationVisibleTo(reservationId, actor);
        requireOwnedBy(actor);
        if (!found.status().isLive()) {
            throw RuleViolation.conflict("RESERVATION_CLOSED", "The reservation is already " + found.status(),
                    Map.of("reservationStatus", found.status().name()));
        }
        return found;
    }

    private static void requireReservationStatus(Reservation live, PurchaseReservationStatus expected) {
        if (live.status() != expected) {
            throw RuleViolation.conflict("INVALID_RESERVATION_STATE", "The reservation is " + live.status()
                    + "; this step needs it " + expected, Map.of("reservationStatus", live.status().name()));
        }
    }

    private static void requireValidPricing(Pricing pricing) {
        if (pricing == null || pricing.currency() == null) {
            throw RuleViolation.invalid("CURRENCY_REQUIRED", "A car needs a currency");
        }
        if (!pricing.offersRental() && !pricing.offersSale()) {
            throw RuleViolation.invalid("PRICE_REQUIRED", "A car needs a daily rate, an asking price, or both");
        }
        Money.requireValid(pricing.dailyRate(), "dailyRate", pricing.currency());
        Money.requireValid(pricing.askingPrice(), "askingPrice", pricing.currency());
    }

    private void requireValidAmount(BigDecimal amount, String name) {
        Money.requireValid(amount, name, pricing.currency());
    }

    private static void requireValidMaxBookingDays(Integer maxBookingDays) {
        if (maxBookingDays == null || maxBookingDays < 1) {
            throw RuleViolation.invalid("INVALID_MAX_BOOKING_DAYS", "maxBookingDays must be at least 1");
        }
    }

    private BigDecimal priceOf(DateRange period) {
        return Money.inCurrency(pricing.dailyRate().multiply(BigDecimal.valueOf(period.days())), pricing.currency());
    }

    private LocalDate today(Clock clock) {
        return LocalDate.now(clock.withZone(timeZone));
    }

    // --- state ---------------------------------------------------------------------------------------------------

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
    void on(CarListingChanged event) {
        ListingChanges changes = event.changes();
        pricing = new Pricing(
                changes.dailyRate() != null ? changes.dailyRate() : pricing.dailyRate(),
                changes.askingPrice() != null ? changes.askingPrice() : pricing.askingPrice(),
                pricing.currency());
        if (changes.maxBookingDays() != null) {
            maxBookingDays = changes.maxBookingDays();
        }
        if (changes.location() != null) {
            timeZone = changes.location().timeZone();
        }
    }

    @EventSourcingHandler
    void on(CarFeatureChanged event) {
        featured = event.featured();
    }

    @EventSourcingHandler
    void on(PeakWindowsDefined event) {
        peakWindows = new ArrayList<>(event.windows());
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
    void on(CarBooked event, @Timestamp Instant at) {
        forgetBookingsEndedBefore(at);
        bookings.put(event.bookingId(), new Booking(event.customerId(), event.period(), event.status(),
                event.approvalDeadline()));
    }

    @EventSourcingHandler
    void on(BookingRescheduled event, @Timestamp Instant at) {
        forgetBookingsEndedBefore(at);
        bookings.computeIfPresent(event.bookingId(), (id, booking) ->
                new Booking(booking.customerId(), event.period(), event.status(), event.approvalDeadline()));
    }

    @EventSourcingHandler
    void on(BookingApproved event) {
        bookings.computeIfPresent(event.bookingId(), (id, booking) -> booking.withStatus(BookingStatus.CONFIRMED));
    }

    @EventSourcingHandler
    void on(BookingRejected event) {
        bookings.computeIfPresent(event.bookingId(), (id, booking) -> booking.withStatus(BookingStatus.REJECTED));
    }

    @EventSourcingHandler
    void on(BookingApprovalExpired event) {
        bookings.computeIfPresent(event.bookingId(), (id, booking) -> booking.withStatus(BookingStatus.EXPIRED));
    }

    @EventSourcingHandler
    void on(BookingCancelled event) {
        bookings.computeIfPresent(event.bookingId(), (id, booking) -> booking.withStatus(BookingStatus.CANCELLED));
    }

    @EventSourcingHandler
    void on(PurchaseReserved event) {
        status = CarStatus.RESERVED;
        reservation = new Reservation(event.reservationId(), event.orderNumber(), event.customerId(),
                PurchaseReservationStatus.PENDING, event.handoverDate(), event.expiresAt(), event.price(),
                event.totalAmount());
    }

    @EventSourcingHandler
    void on(PurchaseReservationConfirmed event) {
        reservation = reservation.withStatus(PurchaseReservationStatus.CONFIRMED);
    }

    @EventSourcingHandler
    void on(InspectionScheduled event) {
        reservation = reservation.withStatus(PurchaseReservationStatus.INSPECTION_SCHEDULED);
    }

    @EventSourcingHandler
    void on(PurchaseCompleted event) {
        closeReservation(PurchaseReservationStatus.COMPLETED);
    }

    @EventSourcingHandler
    void on(CarSold event) {
        status = CarStatus.SOLD;
    }

    @EventSourcingHandler
    void on(PurchaseReservationCancelled event) {
        closeReservation(PurchaseReservationStatus.CANCELLED);
        status = CarStatus.LISTED;
    }

    @EventSourcingHandler
    void on(PurchaseReservationExpired event) {
        closeReservation(PurchaseReservationStatus.EXPIRED);
        status = CarStatus.LISTED;
    }

    private void closeReservation(PurchaseReservationStatus finalStatus) {
        closedReservations.put(reservation.reservationId(), reservation.withStatus(finalStatus));
        reservation = null;
    }

    /**
     * A booking that ended before the day of this event can neither conflict with a new booking (those start today
     * or later) nor be changed (it has started): the car forgets it. The day is taken in UTC minus one day, so
     * that no time zone can make a booking look ended too early.
     */
    private void forgetBookingsEndedBefore(Instant eventTime) {
        LocalDate safelyPast = LocalDate.ofInstant(eventTime, ZoneOffset.UTC).minusDays(1);
        bookings.values().removeIf(booking -> booking.period().endDate().isBefore(safelyPast));
    }

    /** What the rules need of a booking; cancelled, rejected and expired ones are kept until they end. */
    record Booking(String customerId, DateRange period, BookingStatus status, Instant approvalDeadline) {

        Booking withStatus(BookingStatus newStatus) {
            return new Booking(customerId, period, newStatus, approvalDeadline);
        }
    }

    record Reservation(String reservationId, String orderNumber, String customerId,
                       PurchaseReservationStatus status, LocalDate handoverDate, Instant expiresAt, BigDecimal price,
                       BigDecimal totalAmount) {

        Reservation withStatus(PurchaseReservationStatus newStatus) {
            return new Reservation(reservationId, orderNumber, customerId, newStatus, handoverDate, expiresAt, price,
                    totalAmount);
        }
    }
}
