package io.carmarket.query.dashboard;

import io.carmarket.api.car.BookingStatus;
import org.bson.Document;
import org.springframework.data.annotation.Id;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;

import static io.carmarket.query.dashboard.Figures.field;

/** What the dashboards know of a booking, and what it adds to them. {@code version}: global position last applied. */
@org.springframework.data.mongodb.core.mapping.Document(BookingFacts.COLLECTION)
record BookingFacts(@Id String bookingId, long version, String carId, String dealerId, String customerId,
                    String carTitle, String make, BookingStatus status, LocalDate startDate, LocalDate endDate,
                    BigDecimal totalPrice, String currency, Instant bookedAt, Instant approvalDeadline) implements Fact {

    static final String COLLECTION = "dashboard_bookings";

    BookingFacts withStatus(BookingStatus newStatus, long position) {
        return new BookingFacts(bookingId, position, carId, dealerId, customerId, carTitle, make, newStatus,
                startDate, endDate, totalPrice, currency, bookedAt,
                newStatus == BookingStatus.PENDING_APPROVAL ? approvalDeadline : null);
    }

    BookingFacts rescheduled(LocalDate start, LocalDate end, BookingStatus newStatus, BigDecimal newTotal,
                             String newCurrency, Instant newDeadline, long position) {
        return new BookingFacts(bookingId, position, carId, dealerId, customerId, carTitle, make, newStatus, start,
                end, newTotal == null ? totalPrice : newTotal, newCurrency == null ? currency : newCurrency, bookedAt,
                newDeadline);
    }

    /**
     * Every booking counts per status, per month it was made and for its car's make. A confirmed one adds its price
     * to the dealer's revenue of the month it was made and is an upcoming booking of its customer; one awaiting
     * approval is listed for both; a live one (confirmed or awaiting approval) is listed in each month of its
     * dealer it touches, for the pick-ups, returns and utilisation.
     */
    @Override
    public Contributions contributions() {
        Contributions contributions = new Contributions()
                .count(Figures.PLATFORM, field(Figures.BOOKINGS, status.name()))
                .count(Figures.PLATFORM, field(Figures.BOOKINGS_BY_MONTH, Figures.monthOf(bookedAt)))
                .count(Figures.PLATFORM, field(Figures.MAKES_BOOKED, Figures.makeKey(make)));
        if (status == BookingStatus.CONFIRMED && totalPrice != null && currency != null) {
            contributions.add(Figures.dealer(dealerId),
                    field(Figures.REVENUE, Figures.monthOf(bookedAt), currency),
                    Figures.minorUnits(totalPrice, currency));
            for (YearMonth month : Figures.monthsTouched(startDate, endDate)) {
                contributions.entry(Figures.customerMonth(customerId, month), field(Figures.UPCOMING, bookingId),
                        line());
            }
        }
        if (status == BookingStatus.PENDING_APPROVAL) {
            contributions.entry(Figures.dealer(dealerId), field(Figures.AWAITING_APPROVAL, bookingId), line());
            contributions.entry(Figures.customer(customerId), field(Figures.AWAITING_APPROVAL, bookingId), line());
        }
        if (status.isLive()) {
            for (YearMonth month : Figures.monthsTouched(startDate, endDate)) {
                contributions.entry(Figures.dealerMonth(dealerId, month), field(Figures.LIVE_BOOKINGS, bookingId),
                        line());
            }
        }
        return contributions;
    }

    /** The booking as a line of a dashboard's list. */
    private Document line() {
        Document line = new Document("carId", carId)
                .append("carTitle", carTitle)
                .append("status", status.name())
                .append("startDate", startDate.toString())
                .append("endDate", endDate.toString());
        if (totalPrice != null) {
            line.append("totalPrice", totalPrice.toPlainString()).append("currency", currency);
        }
        if (approvalDeadline != null) {
            line.append("expiresAt", approvalDeadline.toString());
        }
        return line;
    }
}
