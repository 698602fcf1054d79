package io.carmarket.query.notification;

import io.carmarket.api.bookings.CarCard;
import io.carmarket.api.car.DateRange;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * The text of each notification, worded for its recipient (the customer, who is the buyer in a negotiation, or the
 * car's dealer). English only.
 */
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

    // ---- negotiations ---------------------------------------------------------------------------------------

    /** To the party that must answer: "New offer of EUR 19000.00 on the VW Golf from the dealer. Answer by ..." */
    static String offerReceived(Audience audience, CarCard car, int offerNumber, BigDecimal amount, String currency,
                                Instant answerBy) {
        String text = audience == Audience.DEALER && offerNumber == 1
                ? "A buyer opened a negotiation on " + carName(audience, car) + " with an offer of "
                + money(amount, currency) + "."
                : "New offer of " + money(amount, currency) + " on " + carName(audience, car) + " from the "
                + (audience == Audience.DEALER ? "buyer" : "dealer") + ".";
        return text + (answerBy == null ? "" : " Answer by " + answerBy + ".");
    }

    static String offerAccepted(Audience audience, CarCard car, BigDecimal amount, String currency) {
        return "The offer of " + money(amount, currency) + " for " + carName(audience, car)
                + " was accepted. The car is being reserved for "
                + (audience == Audience.CUSTOMER ? "you." : "the buyer.");
    }

    /** To the offer's maker. */
    static String offerRejected(Audience audience, CarCard car, String reason) {
        return "The " + (audience == Audience.DEALER ? "buyer" : "dealer") + " rejected your offer for "
                + carName(audience, car) + reasonSuffix(reason) + ".";
    }

    static String negotiationCancelled(CarCard car) {
        return "The buyer cancelled the negotiation on " + carName(Audience.DEALER, car) + ".";
    }

    static String offerExpired(Audience audience, CarCard car) {
        return "The negotiation on " + carName(audience, car) + " ended: the latest offer expired unanswered.";
    }

    static String negotiationFailed(Audience audience, CarCard car, String reasonCode, String reason) {
        String subject = audience == Audience.CUSTOMER
                ? capitalised(carName(audience, car)) + " could not be reserved for you"
                : capitalised(carName(audience, car)) + " could not be reserved for the buyer";
        return subject + " after the offer was accepted" + (reasonCode == null ? "" : " (" + reasonCode + ")")
                + reasonSuffix(reason) + ".";
    }

    static String purchaseArranged(CarCard car, String orderNumber, BigDecimal amount, String currency) {
        return capitalised(carName(Audience.CUSTOMER, car)) + " is reserved for you"
                + (amount == null ? "" : " at the agreed price of " + money(amount, currency))
                + (orderNumber == null ? "" : " (order " + orderNumber + ")") + ".";
    }

    static String negotiationEnded(CarCard car, String reason) {
        String because = "CAR_SOLD".equals(reason) ? " because the car has been sold" : reasonSuffix(reason);
        return "Your negotiation on " + carName(Audience.CUSTOMER, car) + " ended" + because + ".";
    }

    /** To the buyer of another open negotiation on the car. */
    static String carReservedByAnother(CarCard car) {
        return capitalised(carName(Audience.CUSTOMER, car))
                + " you are negotiating for has been reserved for purchase by another buyer.";
    }

    /** To the buyer of another open negotiation on the car. */
    static String carSoldToAnother(CarCard car) {
        return capitalised(carName(Audience.CUSTOMER, car)) + " you are negotiating for has been sold to another buyer.";
    }

    /** "EUR 18200.00" */
    static String money(BigDecimal amount, String currency) {
        String figure = amount == null ? "?" : amount.toPlainString();
        return currency == null ? figure : currency + " " + figure;
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
