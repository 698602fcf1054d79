package io.carmarket.api.negotiations;

/**
 * @param awaitingMyAnswer how many OPEN negotiations wait for the viewer to answer the latest offer (accept, reject
 *                         or counter it) before it expires: for a buyer those whose latest offer is the dealer's, for
 *                         a dealer those on their cars whose latest offer is the buyer's
 */
public record NegotiationSummary(long awaitingMyAnswer) {
}
