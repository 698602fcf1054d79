package io.carmarket.api.negotiation;

import org.axonframework.serialization.Revision;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Currency;

@Revision("1")
public record OfferMade(String negotiationId, int offerNumber, Party by, BigDecimal amount, Currency currency, String message, Instant expiresAt) {
}
