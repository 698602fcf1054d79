package io.carmarket.api.inventory;

/** What a dealer's inventory can be ordered by; ties are broken by car id. */
public enum DealerCarSortField {
    /** When the car was listed. */
    LISTED_AT,
    /** The make, case- and accent-insensitive. */
    MAKE,
    /** The daily rate; cars not offered for rental come last in either direction. */
    DAILY_RATE,
    /** The asking price; cars not offered for sale come last in either direction. */
    ASKING_PRICE
}
