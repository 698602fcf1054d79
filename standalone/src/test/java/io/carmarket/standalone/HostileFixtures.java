package io.carmarket.standalone;

import java.time.LocalDate;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the corpus refers to: the sessions by name, the ids of the cars, bookings, reservation and negotiation made
 * through the API before the corpus runs, real search cursors, and today's date (every date in the corpus is
 * relative to it).
 *
 * @param today    today in the cars' time zone
 * @param tokens   access token by session name ({@link #ANONYMOUS} has none)
 * @param ids      id by placeholder name: a path template's {@code {car}} is replaced by {@code ids.get("car")}
 * @param cursors  a real {@code nextCursor} of {@code GET /cars} by ordering: {@code price} (sort=price,asc),
 *                 {@code year} (sort=year), {@code createdAt} (default order)
 */
record HostileFixtures(LocalDate today, Map<String, String> tokens, Map<String, String> ids,
                       String customerEmail, String customerPassword, Map<String, String> cursors) {

    static final String ANONYMOUS = "anonymous";
    /** Has the fixture booking of {@code {car}} and the negotiation on it. */
    static final String CUSTOMER = "customer";
    /** Has the purchase reservation of {@code {reservedCar}} and the pending booking of {@code {peakCar}}. */
    static final String CUSTOMER2 = "customer2";
    /** Lists every fixture car. */
    static final String DEALER = "dealer";
    /** Another dealer, owner of nothing. */
    static final String DEALER2 = "dealer2";
    static final String ADMIN = "admin";

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z0-9]+)}");

    String token(String session) {
        if (ANONYMOUS.equals(session)) {
            return null;
        }
        String token = tokens.get(session);
        if (token == null) {
            throw new IllegalArgumentException("no session " + session);
        }
        return token;
    }

    String id(String name) {
        String id = ids.get(name);
        if (id == null) {
            throw new IllegalArgumentException("no fixture id {" + name + "}");
        }
        return id;
    }

    /** The template with every {@code {name}} replaced by its fixture id. */
    String resolve(String template) {
        Matcher placeholder = PLACEHOLDER.matcher(template);
        StringBuilder resolved = new StringBuilder();
        while (placeholder.find()) {
            placeholder.appendReplacement(resolved, Matcher.quoteReplacement(id(placeholder.group(1))));
        }
        placeholder.appendTail(resolved);
        return resolved.toString();
    }

    /** {@code today + days} as an ISO date. */
    String day(int days) {
        return today.plusDays(days).toString();
    }
}
