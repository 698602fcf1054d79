package io.carmarket.api.negotiations;

import io.carmarket.api.identity.Actor;
import io.carmarket.api.negotiation.NegotiationStatus;
import io.carmarket.api.negotiation.Party;

import java.util.List;

/**
 * The negotiations a user may see, newest opened first: a customer those they opened, a dealer those on their cars,
 * an admin or an auditor all of them.
 *
 * @param viewer   who asks; decides which negotiations are visible
 * @param statuses any of these statuses; empty means all
 * @param as       only those in which the viewer is this party (BUYER: they opened it, DEALER: it is on their car);
 *                 null for all the viewer may see
 * @param cursor   the {@code nextCursor} of the previous page, optional
 * @param limit    page size, 1 to {@link #MAX_LIMIT}
 */
public record NegotiationSearch(Actor viewer, List<NegotiationStatus> statuses, Party as, String cursor, int limit) {

    public static final int MAX_LIMIT = 100;

    public NegotiationSearch {
        statuses = statuses == null ? List.of() : List.copyOf(statuses);
    }
}
