package io.carmarket.api.negotiation;

import org.axonframework.serialization.Revision;


@Revision("1")
public record NegotiationCancelled(String negotiationId) {
}
