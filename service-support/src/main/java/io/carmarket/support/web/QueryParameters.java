package io.carmarket.support.web;


import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The query parameters an endpoint knows, so that a misspelt or unsupported filter is refused (400 naming it)
 * instead of being dropped, which would answer unfiltered data that looks filtered. A parameter given twice is
 * refused too unless it is repeatable: Spring would join the values with a comma into one filter value. And so is
 * a blank value, which Spring would read as an absent filter.
 *
 * @param known      every parameter the endpoint reads
 * @param repeatable those of them that may appear more than once
 */
public record QueryParameters(Set<String> known, Set<String> repeatable) {

    public QueryParameters {
        known = Set.copyOf(known);
        repeatable = Set.copyOf(repeatable);
    }

    /** @throws InvalidParameterException naming the first (alphabetically) unknown, repeated or blank parameter */
    public void check(Map<String, String[]> given) {
        for (String name : new TreeSet<>(given.keySet())) {
            if (!known.contains(name)) {
                throw new InvalidParameterException(name,
                        "is not a parameter of this endpoint; known: " + String.join(", ", new TreeSet<>(known)));
            }
            if (given.get(name).length > 1 && !repeatable.contains(name)) {
                throw new InvalidParameterException(name, "must appear only once");
            }
            for (String value : given.get(name)) {
                if (value == null || value.isBlank()) {
                    throw new InvalidParameterException(name, "must not be blank");
                }
            }
        }
    }
}
