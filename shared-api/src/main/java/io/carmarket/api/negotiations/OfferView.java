package io.carmarket.api.negotiations;

import io.carmarket.api.negotiation.Party;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * One offer of a negotiation's history.
 *
 * @param number    1 for the buyer's opening offer, then counting up as the parties alternate
 * @param by        who made it
 * @param message   what its maker wrote with it, if anything
 * @param madeAt    when it was made
 * @param expiresAt when it expires unless the other party answers it
 */
public record OfferView(int number, Party by, BigDecimal amount, String message, Instant madeAt, Instant expiresAt) {
}
