package io.carmarket.api.dashboards;

import io.carmarket.api.negotiation.Party;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * An open negotiation seen by its buyer: the latest offer and whose turn it is to answer it ({@code yourTurn}
 * when the dealer made it).
 */
public record OpenNegotiation(String negotiationId, String carId, String carTitle, BigDecimal latestOffer,
                              String currency, Party latestOfferBy, boolean yourTurn, Instant expiresAt) {
}
