package io.carmarket.query.reservation;

import io.carmarket.api.bookings.CarCard;
import io.carmarket.api.car.purchase.Financing;
import io.carmarket.api.car.purchase.PaymentMethod;
import io.carmarket.api.car.purchase.PurchaseReservationStatus;
import io.carmarket.api.car.purchase.TradeIn;
import io.carmarket.api.reservations.PurchaseReservationView;
import io.carmarket.query.common.DealDocuments;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.mapping.Field;
import org.springframework.data.mongodb.core.mapping.FieldType;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * The purchase reservations read model: one document per reservation. {@code version} is the sequence number (in
 * the car's event stream) of the last event applied to it; {@code carVersion} that of the listing event the
 * embedded car data comes from. Amounts are Decimal128, dates ISO strings.
 */
@Document(PurchaseReservationEntry.COLLECTION)
public record PurchaseReservationEntry(
        @Id String reservationId,
        long version,
        String orderNumber,
        String carId,
        CarCard car,
        long carVersion,
        String customerId,
        String dealerId,
        PurchaseReservationStatus status,
        PaymentMethod paymentMethod,
        StoredFinancing financing,
        StoredTradeIn tradeIn,
        @Field(targetType = FieldType.DECIMAL128) BigDecimal price,
        @Field(targetType = FieldType.DECIMAL128) BigDecimal totalAmount,
        @Field(targetType = FieldType.DECIMAL128) BigDecimal financedAmount,
        String currency,
        String handoverDate,
        String inspectionDate,
        Instant expiresAt,
        String cancellationReason,
        Instant createdAt,
        Instant updatedAt) {

    public static final String COLLECTION = "purchase_reservations";

    /** {@link Financing} as stored (the contract's records carry no mapping annotations). */
    public record StoredFinancing(@Field(targetType = FieldType.DECIMAL128) BigDecimal deposit, int termMonths) {

        static StoredFinancing of(Financing financing) {
            return financing == null ? null : new StoredFinancing(financing.deposit(), financing.termMonths());
        }

        Financing toFinancing() {
            return new Financing(deposit, termMonths);
        }
    }

    /** {@link TradeIn} as stored. */
    public record StoredTradeIn(String make, String model, int year, int mileage,
                                @Field(targetType = FieldType.DECIMAL128) BigDecimal value) {

        static StoredTradeIn of(TradeIn tradeIn) {
            return tradeIn == null ? null
                    : new StoredTradeIn(tradeIn.make(), tradeIn.model(), tradeIn.year(), tradeIn.mileage(),
                    tradeIn.value());
        }

        TradeIn toTradeIn() {
            return new TradeIn(make, model, year, mileage, value);
        }
    }

    PurchaseReservationView view() {
        return new PurchaseReservationView(reservationId, orderNumber, carId, car, customerId, dealerId, status,
                paymentMethod, financing == null ? null : financing.toFinancing(),
                tradeIn == null ? null : tradeIn.toTradeIn(), price, totalAmount, financedAmount, currency,
                handoverDate == null ? null : LocalDate.parse(handoverDate),
                inspectionDate == null ? null : LocalDate.parse(inspectionDate), expiresAt, cancellationReason,
                createdAt, updatedAt);
    }

    /** Field names as stored, for queries and updates: those of every deal document, and the reservation's own. */
    static final class Fields extends DealDocuments.Fields {
        static final String INSPECTION_DATE = "inspectionDate";
        static final String CANCELLATION_REASON = "cancellationReason";

        private Fields() {
        }
    }
}
