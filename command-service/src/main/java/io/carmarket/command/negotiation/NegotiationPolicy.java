package io.carmarket.command.negotiation;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * @param offerTimeout  an offer the other side has not answered within this expires, and with it the negotiation
 * @param handoverAfter the handover date of the purchase reservation made on acceptance, counted from acceptance
 */
@ConfigurationProperties("carmarket.negotiations")
public record NegotiationPolicy(@DefaultValue("48h") Duration offerTimeout,
                                @DefaultValue("14d") Duration handoverAfter) {
}
