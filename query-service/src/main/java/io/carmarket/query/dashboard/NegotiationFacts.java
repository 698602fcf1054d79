package io.carmarket.query.dashboard;

import io.carmarket.api.negotiation.NegotiationStatus;
import io.carmarket.api.negotiation.Party;
import org.bson.Document;
import org.springframework.data.annotation.Id;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;

import static io.carmarket.query.dashboard.Figures.field;

/** What the dashboards know of a negotiation, and what it adds to them. */
@org.springframework.data.mongodb.core.mapping.Document(NegotiationFacts.COLLECTION)
record NegotiationFacts(@Id String negotiationId, long version, String carId, String dealerId, String buyerId,
                        String carTitle, BigDecimal askingPrice, String currency, NegotiationStatus status,
                        BigDecimal latestOffer, Party latestOfferBy, Instant latestOfferExpiresAt, Instant openedAt,
                        Instant acceptedAt, BigDecimal agreedAmount) implements Fact {

    static final String COLLECTION = "dashboard_negotiations";
    private static final int BASIS_POINTS = 10_000;

    NegotiationFacts offered(Party by, BigDecimal amount, Instant expiresAt, long position) {
        return new NegotiationFacts(negotiationId, position, carId, dealerId, buyerId, carTitle, askingPrice,
                currency, status, amount, by, expiresAt, openedAt, acceptedAt, agreedAmount);
    }

    NegotiationFacts accepted(BigDecimal amount, Instant at, long position) {
        return new NegotiationFacts(negotiationId, position, carId, dealerId, buyerId, carTitle, askingPrice,
                currency, NegotiationStatus.ACCEPTED, latestOffer, latestOfferBy, latestOfferExpiresAt, openedAt, at,
                amount);
    }

    NegotiationFacts closed(NegotiationStatus newStatus, long position) {
        return new NegotiationFacts(negotiationId, position, carId, dealerId, buyerId, carTitle, askingPrice,
                currency, newStatus, latestOffer, latestOfferBy, latestOfferExpiresAt, openedAt, acceptedAt,
                agreedAmount);
    }

    /**
     * Counts per status; once it has left OPEN it has ended, and if an offer was accepted it converted, after so
     * many hours, at a discount against the car's asking price. While open it is listed for the buyer, and for the
     * dealer when the latest offer is the buyer's.
     */
    @Override
    public Contributions contributions() {
        Contributions contributions = new Contributions()
                .count(Figures.PLATFORM, field(Figures.NEGOTIATIONS, status.name()));
        if (status != NegotiationStatus.OPEN) {
            contributions.count(Figures.PLATFORM, Figures.NEGOTIATIONS_ENDED);
        }
        if (acceptedAt != null) {
            contributions.count(Figures.PLATFORM, Figures.NEGOTIATIONS_ACCEPTED);
            long hours = Duration.between(openedAt, acceptedAt).toHours();
            contributions.count(Figures.PLATFORM, field(Figures.HOURS_TO_AGREEMENT, Long.toString(hours)));
            if (askingPrice != null && askingPrice.signum() > 0 && agreedAmount != null) {
                contributions.count(Figures.dealer(dealerId), Figures.AGREEMENTS);
                contributions.add(Figures.dealer(dealerId), Figures.DISCOUNT_BASIS_POINTS, discountBasisPoints());
            }
        }
        if (status == NegotiationStatus.OPEN && latestOffer != null) {
            contributions.entry(Figures.customer(buyerId), field(Figures.NEGOTIATIONS, negotiationId), line());
            if (latestOfferBy == Party.BUYER) {
                contributions.entry(Figures.dealer(dealerId), field(Figures.AWAITING_ANSWER, negotiationId), line());
            }
        }
        return contributions;
    }

    private long discountBasisPoints() {
        return askingPrice.subtract(agreedAmount).multiply(BigDecimal.valueOf(BASIS_POINTS))
                .divide(askingPrice, 0, RoundingMode.HALF_UP).longValueExact();
    }

    private Document line() {
        Document line = new Document("carId", carId)
                .append("carTitle", carTitle)
                .append("amount", latestOffer.toPlainString())
                .append("currency", currency)
                .append("by", latestOfferBy.name());
        if (latestOfferExpiresAt != null) {
            line.append("expiresAt", latestOfferExpiresAt.toString());
        }
        return line;
    }
}
