package io.carmarket.query.dashboard;

import io.carmarket.query.dashboard.Contributions.Target;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;

/** The dashboard documents and the names of their fields, shared by the facts that write them and the reader. */
final class Figures {

    static final String PLATFORM_ID = "platform";
    static final Target PLATFORM = new Target(DashboardDocuments.PLATFORM, PLATFORM_ID);

    static final String CARS = "cars";
    static final String BOOKINGS = "bookings";
    static final String NEGOTIATIONS = "negotiations";
    static final String RESERVATIONS = "reservations";
    static final String BOOKINGS_BY_MONTH = "bookingsByMonth";
    static final String NEW_USERS_BY_MONTH = "newUsersByMonth";
    static final String MAKES_LISTED = "makesListed";
    static final String MAKES_BOOKED = "makesBooked";
    static final String NEGOTIATIONS_ENDED = "negotiationsEnded";
    static final String NEGOTIATIONS_ACCEPTED = "negotiationsAccepted";
    static final String HOURS_TO_AGREEMENT = "hoursToAgreement";
    static final String DAYS_ON_MARKET = "daysOnMarket";

    static final String RENTABLE_CARS = "rentableCars";
    static final String REVENUE = "revenue";
    static final String AGREEMENTS = "agreements";
    static final String DISCOUNT_BASIS_POINTS = "discountBasisPoints";
    static final String AWAITING_APPROVAL = "awaitingApproval";
    static final String AWAITING_ANSWER = "awaitingAnswer";
    static final String LIVE_BOOKINGS = "liveBookings";
    static final String UPCOMING = "upcoming";

    private Figures() {
    }

    static Target dealer(String dealerId) {
        return new Target(DashboardDocuments.DEALERS, dealerId);
    }

    static Target customer(String customerId) {
        return new Target(DashboardDocuments.CUSTOMERS, customerId);
    }

    static Target dealerMonth(String dealerId, YearMonth month) {
        return new Target(DashboardDocuments.DEALER_MONTHS, monthId(dealerId, month));
    }

    static Target customerMonth(String customerId, YearMonth month) {
        return new Target(DashboardDocuments.CUSTOMER_MONTHS, monthId(customerId, month));
    }

    static String monthId(String ownerId, YearMonth month) {
        return ownerId + "|" + month;
    }

    static String field(String... path) {
        return String.join(".", path);
    }

    static String monthOf(Instant instant) {
        return YearMonth.from(instant.atZone(ZoneOffset.UTC)).toString();
    }

    /** The months a span of days touches, first to last: a booking is listed in each, so any window finds it. */
    static List<YearMonth> monthsTouched(LocalDate start, LocalDate endExclusive) {
        List<YearMonth> months = new ArrayList<>();
        YearMonth last = YearMonth.from(endExclusive.isAfter(start) ? endExclusive.minusDays(1) : start);
        for (YearMonth month = YearMonth.from(start); !month.isAfter(last); month = month.plusMonths(1)) {
            months.add(month);
        }
        return months;
    }

    /**
     * A make as a field name: MongoDB field names may not contain a dot or start with a dollar, so both (and the
     * escape character itself) are written as percent escapes; {@link #makeOf} reads it back.
     */
    static String makeKey(String make) {
        return make.replace("%", "%25").replace(".", "%2E").replace("$", "%24");
    }

    static String makeOf(String key) {
        return key.replace("%24", "$").replace("%2E", ".").replace("%25", "%");
    }

    /** An amount in the currency's minor unit (cents), so that sums stay exact with {@code $inc} on a long. */
    static long minorUnits(BigDecimal amount, String currency) {
        return amount.movePointRight(fractionDigits(currency)).setScale(0, java.math.RoundingMode.HALF_UP)
                .longValueExact();
    }

    static BigDecimal fromMinorUnits(long minor, String currency) {
        return BigDecimal.valueOf(minor, fractionDigits(currency));
    }

    private static int fractionDigits(String currency) {
        int digits = Currency.getInstance(currency).getDefaultFractionDigits();
        return Math.max(digits, 0);
    }
}
