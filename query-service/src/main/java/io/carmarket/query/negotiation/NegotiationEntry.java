package io.carmarket.query.negotiation;

import io.carmarket.api.bookings.CarCard;
import io.carmarket.api.negotiation.NegotiationStatus;
import io.carmarket.api.negotiation.Party;
import io.carmarket.api.negotiations.ArrangedPurchase;
import io.carmarket.api.negotiations.NegotiationView;
import io.carmarket.api.negotiations.OfferView;
import io.carmarket.query.common.DealDocuments;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.mapping.Field;
import org.springframework.data.mongodb.core.mapping.FieldType;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * The negotiations read model: one document per negotiation, with its whole offer history, for the buyer's, the
 * dealer's and the admin's lists. {@code version} is the sequence number (in the negotiation's event stream) of the
 * last event applied; {@code carVersion} that of the listing event the embedded car data comes from (-1 while the
 * car's listing has not been seen). Amounts are Decimal128.
 */
@Document(NegotiationEntry.COLLECTION)
public record NegotiationEntry(
        @Id String negotiationId,
        long version,
        String carId,
        CarCard car,
        long carVersion,
        String buyerId,
        String dealerId,
        String currency,
        NegotiationStatus status,
        List<StoredOffer> offers,
        Party latestOfferBy,
        Party awaitingAnswerFrom,
        Instant answerDueBy,
        @Field(targetType = FieldType.DECIMAL128) BigDecimal agreedAmount,
        ArrangedPurchase purchase,
        String rejectionReason,
        String failureCode,
        String failureReason,
        String endReason,
        Instant openedAt,
        Instant updatedAt) {

    public static final String COLLECTION = "negotiations";

    public NegotiationEntry {
        offers = offers == null ? List.of() : offers;
    }

    /** One offer as stored inside its negotiation. */
    public record StoredOffer(int number, Party by, @Field(targetType = FieldType.DECIMAL128) BigDecimal amount,
                              String message, Instant madeAt, Instant expiresAt) {

        OfferView view() {
            return new OfferView(number, by, amount, message, madeAt, expiresAt);
        }
    }

    NegotiationView view() {
        return new NegotiationView(negotiationId, carId, car, buyerId, dealerId, currency, status,
                offers.stream().map(StoredOffer::view).toList(), latestOfferBy, awaitingAnswerFrom, answerDueBy,
                agreedAmount, purchase, rejectionReason, failureCode, failureReason, endReason, openedAt, updatedAt);
    }

    /**
     * Field names as stored, for queries and updates: the generic ones of {@link DealDocuments} that apply
     * ({@code _id}, {@code version}, {@code carId}, {@code car}, {@code carVersion}, {@code dealerId},
     * {@code status}, {@code updatedAt}) and the negotiation's own.
     */
    static final class Fields extends DealDocuments.Fields {
        static final String BUYER_ID = "buyerId";
        static final String OFFERS = "offers";
        static final String LATEST_OFFER_BY = "latestOfferBy";
        static final String AWAITING_ANSWER_FROM = "awaitingAnswerFrom";
        static final String ANSWER_DUE_BY = "answerDueBy";
        static final String AGREED_AMOUNT = "agreedAmount";
        static final String PURCHASE = "purchase";
        static final String REJECTION_REASON = "rejectionReason";
        static final String FAILURE_CODE = "failureCode";
        static final String FAILURE_REASON = "failureReason";
        static final String END_REASON = "endReason";
        static final String OPENED_AT = "openedAt";

        /** Inside an offer. */
        static final String NUMBER = "number";
        static final String BY = "by";
        static final String AMOUNT = "amount";
        static final String MESSAGE = "message";
        static final String MADE_AT = "madeAt";
        static final String EXPIRES_AT = "expiresAt";

        /** Inside the purchase. */
        static final String RESERVATION_ID = "reservationId";
        static final String ORDER_NUMBER = "orderNumber";

        private Fields() {
        }
    }
}
