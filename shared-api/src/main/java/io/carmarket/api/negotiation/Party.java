package io.carmarket.api.negotiation;

/** The two sides of a negotiation: offers alternate between them. */
public enum Party {
    BUYER, DEALER;

    public Party other() {
        return this == BUYER ? DEALER : BUYER;
    }
}
