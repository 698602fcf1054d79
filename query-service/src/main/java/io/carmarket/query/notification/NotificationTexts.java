package io.carmarket.query.notification;

import io.carmarket.api.bookings.CarCard;
import io.carmarket.api.car.DateRange;

import java.time.Instant;
import java.time.LocalDate;

/** The text of each notification, worded for its recipient (the customer or the car's dealer). English only. */
final class NotificationTexts {

    enum Audience { CUSTOMER, DEALER }

    private NotificationTexts() {
    }

    static String bookingReceived(CarCard car, DateRange period) {
        return "New booking of " + carName(Audience.DEALER, car) + " for " + period(period) + ".";
    }

    static String bookingAwaitsApproval(CarCard car, DateRange period, Instant deadline) {
        return "A booking of " + carName(Audience.DEALER, car) + " for " + period(period) + " awaits your approval"
                + (deadline == null ? "" : " until " + deadline) + ".";
    }

    /** "Your booking of the VW Golf for 2030-06-01 to 2030-06-04 was approved." */
    static String bookingChanged(Audience audience, CarCard car, DateRange period, String outcome) {
        return bookingOf(audience, car) + " for " + period(period) + " " + outcome + ".";
    }

    static String bookingRescheduled(Audience audience, CarCard car, DateRange previous, DateRange now,
                                     boolean awaitsApproval) {
        String text = bookingOf(audience, car) + " was moved from " + period(previous) + " to " + period(now) + ".";
        if (awaitsApproval) {
            text += audience == Audience.DEALER ? " It awaits your approval." : " It awaits the dealer's approval.";
        }
        return text;
    }

    static String purchaseReserved(CarCard car, String orderNumber, LocalDate handoverDate) {
        return capitalised(carName(Audience.DEALER, car)) + " was reserved for purchase"
                + (orderNumber == null ? "" : " (order " + orderNumber + ")")
                + (handoverDate == null ? "" : ", handover planned for " + handoverDate) + ".";
    }

    /** "Your purchase reservation of the VW Golf was confirmed." */
    static String purchaseChanged(Audience audience, CarCard car, String outcome) {
        String subject = audience == Audience.CUSTOMER ? "Your purchase reservation of " : "The purchase reservation of ";
        return subject + carName(audience, car) + " " + outcome + ".";
    }

    static String reasonSuffix(String reason) {
        return reason == null || reason.isBlank() ? "" : ": " + reason.strip();
    }

    static String period(DateRange period) {
        return period.startDate() + " to " + period.endDate();
    }

    private static String bookingOf(Audience audience, CarCard car) {
        return (audience == Audience.CUSTOMER ? "Your booking of " : "The booking of ") + carName(audience, car);
    }

    /** "the VW Golf" to the customer, "your VW Golf" to the dealer; "the car" / "your car" when unknown. */
    private static String carName(Audience audience, CarCard car) {
        String owner = audience == Audience.DEALER ? "your " : "the ";
        StringBuilder name = new StringBuilder();
        if (car != null && car.make() != null) {
            name.append(car.make());
        }
        if (car != null && car.model() != null) {
            name.append(name.isEmpty() ? "" : " ").append(car.model());
        }
        return owner + (name.isEmpty() ? "car" : name.toString());
    }

    private static String capitalised(String text) {
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
