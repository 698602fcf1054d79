package io.carmarket.api.negotiation;

public enum NegotiationStatus {
    OPEN, ACCEPTED, REJECTED, CANCELLED, EXPIRED, FAILED, ENDED;

    public boolean isTerminal() {
        return this != OPEN && this != ACCEPTED;
    }
}
