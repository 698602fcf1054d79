package io.carmarket.query.web;

import io.carmarket.api.search.SortDirection;
import io.carmarket.support.web.InvalidParameterException;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A list's {@code sort} parameter: {@code field[,asc|desc]}; a field alone sorts ascending, no parameter sorts by the
 * list's default. Anything else is a 400 naming {@code sort} and the fields the list knows.
 *
 * @param <F> the list's sortable fields
 */
public final class SortParameter<F> {

    public static final String NAME = "sort";

    private final Map<String, F> fieldsByName;
    private final Order<F> byDefault;
    private final String expected;

    /** The chosen field and direction. */
    public record Order<F>(F field, SortDirection direction) {
    }

    private SortParameter(Map<String, F> fieldsByName, String names, Order<F> byDefault) {
        this.fieldsByName = Map.copyOf(fieldsByName);
        this.byDefault = byDefault;
        this.expected = "must be one of " + names + ", optionally followed by ,asc or ,desc";
    }

    /** @param fields the names clients use and their fields, in the order a refusal lists them */
    @SafeVarargs
    public static <F> SortParameter<F> of(F defaultField, SortDirection defaultDirection,
                                          Map.Entry<String, F>... fields) {
        Map<String, F> byName = new LinkedHashMap<>();
        for (Map.Entry<String, F> field : fields) {
            byName.put(field.getKey(), field.getValue());
        }
        return new SortParameter<>(byName, String.join(", ", byName.keySet()),
                new Order<>(defaultField, defaultDirection));
    }

    public Order<F> parse(String sort) {
        if (sort == null || sort.isBlank()) {
            return byDefault;
        }
        String[] parts = sort.split(",", -1);
        F field = parts.length > 2 ? null : fieldsByName.get(parts[0].trim());
        if (field == null) {
            throw new InvalidParameterException(NAME, expected);
        }
        if (parts.length == 1) {
            return new Order<>(field, SortDirection.ASC);
        }
        return switch (parts[1].trim().toLowerCase(Locale.ROOT)) {
            case "asc" -> new Order<>(field, SortDirection.ASC);
            case "desc" -> new Order<>(field, SortDirection.DESC);
            default -> throw new InvalidParameterException(NAME, expected);
        };
    }
}
