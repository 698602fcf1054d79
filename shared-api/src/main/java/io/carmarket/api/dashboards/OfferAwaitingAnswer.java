package io.carmarket.api.dashboards;

import java.math.BigDecimal;
import java.time.Instant;

/** An open negotiation whose latest offer waits for an answer; it lapses at {@code expiresAt}. */
public record OfferAwaitingAnswer(String negotiationId, String carId, String carTitle, BigDecimal amount,
                                  String currency, Instant expiresAt) {
}
