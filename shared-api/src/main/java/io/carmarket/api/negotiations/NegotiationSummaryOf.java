package io.carmarket.api.negotiations;

import io.carmarket.api.identity.Actor;

/** What the viewer has to do in their own negotiations, as a {@link NegotiationSummary}. */
public record NegotiationSummaryOf(Actor viewer) {
}
