package io.carmarket.query.booking;

import io.carmarket.api.bookings.BookingView;
import io.carmarket.api.bookings.CarCard;
import io.carmarket.api.car.BookingCancellationReason;
import io.carmarket.api.car.BookingStatus;
import io.carmarket.api.car.DateRange;
import io.carmarket.query.common.DealDocuments;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.mapping.Field;
import org.springframework.data.mongodb.core.mapping.FieldType;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * The bookings read model: one document per booking, for the customer's, the dealer's and the admin's lists.
 * {@code version} is the sequence number (in the car's event stream) of the last event applied to this booking;
 * {@code carVersion} that of the listing event the embedded car data comes from. Dates are ISO strings
 * ({@code yyyy-MM-dd} orders like the calendar).
 */
@Document(BookingEntry.COLLECTION)
public record BookingEntry(
        @Id String bookingId,
        long version,
        String carId,
        CarCard car,
        long carVersion,
        String customerId,
        String dealerId,
        String startDate,
        String endDate,
        BookingStatus status,
        @Field(targetType = FieldType.DECIMAL128) BigDecimal totalPrice,
        String currency,
        String notes,
        Instant approvalDeadline,
        BookingCancellationReason cancellationReason,
        String cancellationNote,
        String rejectionReason,
        Instant createdAt,
        Instant updatedAt) {

    public static final String COLLECTION = "bookings";

    BookingView view() {
        return new BookingView(bookingId, carId, car, customerId, dealerId,
                new DateRange(LocalDate.parse(startDate), LocalDate.parse(endDate)), status, totalPrice, currency,
                notes, approvalDeadline, cancellationReason, cancellationNote, rejectionReason, createdAt, updatedAt);
    }

    /** Field names as stored, for queries and updates: those of every deal document, and the booking's own. */
    static final class Fields extends DealDocuments.Fields {
        static final String START_DATE = "startDate";
        static final String END_DATE = "endDate";
        static final String TOTAL_PRICE = "totalPrice";
        static final String CURRENCY = "currency";
        static final String APPROVAL_DEADLINE = "approvalDeadline";
        static final String CANCELLATION_REASON = "cancellationReason";
        static final String CANCELLATION_NOTE = "cancellationNote";
        static final String REJECTION_REASON = "rejectionReason";

        private Fields() {
        }
    }
}
