package io.carmarket.query.dashboard;

/** A car, booking, negotiation, reservation or user as the dashboards know it. */
interface Fact {

    /** Global position of the last event applied to this fact. */
    long version();

    Contributions contributions();
}
