package io.carmarket.command.negotiation;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.carmarket.api.negotiation.NegotiationStatus;
import io.carmarket.api.negotiation.Party;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * What a negotiation holds at one version, as the audit API shows it. Absent values are written as {@code null}.
 *
 * @param negotiationId         the negotiation
 * @param carId                 the car bargained over
 * @param dealerId              the car's dealer
 * @param buyerId               the customer who opened it
 * @param currency              the ISO 4217 code of every offer
 * @param status                OPEN, ACCEPTED, REJECTED, CANCELLED, EXPIRED, FAILED or ENDED
 * @param latestOffer           the latest offer, or null before the first
 * @param arrangedReservationId the car's purchase reservation made on acceptance, or null until then
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record NegotiationState(String negotiationId, String carId, String dealerId, String buyerId, String currency,
                               NegotiationStatus status, Offer latestOffer, String arrangedReservationId) {

    /**
     * @param number    the offers' count so far, from 1
     * @param by        BUYER or DEALER
     * @param amount    the price offered
     * @param expiresAt when it expires unanswered
     */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Offer(int number, Party by, BigDecimal amount, Instant expiresAt) {
    }
}
