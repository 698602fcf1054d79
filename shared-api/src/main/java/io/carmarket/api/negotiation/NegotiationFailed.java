package io.carmarket.api.negotiation;

import org.axonframework.serialization.Revision;


@Revision("1")
public record NegotiationFailed(String negotiationId, String reasonCode, String reason) {
}
