package io.carmarket.api.negotiation;

import org.axonframework.serialization.Revision;

import java.math.BigDecimal;
import java.util.Currency;

@Revision("1")
public record OfferAccepted(String negotiationId, String carId, String dealerId, String buyerId, int offerNumber, Party acceptedBy, BigDecimal amount, Currency currency) {
}
