package io.carmarket.query.inventory;

import io.carmarket.api.inventory.DealerCarSortField;
import io.carmarket.api.search.SortDirection;
import io.carmarket.query.inventory.DealerCarEntry.Fields;
import org.bson.types.Decimal128;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.query.Criteria;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/**
 * One order of a dealer's inventory and its keyset pagination. Every order is a list of sort keys ending in the car
 * id, so that it is total; a price sort starts with the price's rank (cars without that price last, in either
 * direction). The cursor holds the last item's value of every key and the order's name, as opaque URL-safe Base64;
 * the next page is the items strictly after it: {@code $or} of "equal on the first i keys, beyond on key i".
 */
final class DealerCarOrdering {

    private static final String SEPARATOR = "\n";
    private static final String NULL = "\u0000";

    /** One sort key: the stored field, its direction, how an entry's value is read and a cursor's value parsed. */
    private record Key(String field, Sort.Direction direction, Function<DealerCarEntry, Object> valueOf,
                       Function<String, Object> parse, Function<Object, String> print) {
    }

    private final String name;
    private final List<Key> keys;

    private DealerCarOrdering(String name, List<Key> keys) {
        this.name = name;
        this.keys = keys;
    }

    static DealerCarOrdering of(DealerCarSortField field, SortDirection direction) {
        Sort.Direction way = direction == SortDirection.ASC ? Sort.Direction.ASC : Sort.Direction.DESC;
        List<Key> keys = new ArrayList<>();
        switch (field) {
            case LISTED_AT -> keys.add(new Key(Fields.LISTED_AT, way, entry -> Date.from(entry.listedAt()),
                    text -> new Date(Long.parseLong(text)), value -> Long.toString(((Date) value).getTime())));
            case MAKE -> keys.add(new Key(Fields.MAKE_KEY, way, DealerCarEntry::makeKey, text -> text,
                    Object::toString));
            case DAILY_RATE -> {
                keys.add(rank(Fields.DAILY_RATE_RANK, DealerCarEntry::dailyRateRank));
                keys.add(price(Fields.DAILY_RATE, way, DealerCarEntry::dailyRate));
            }
            case ASKING_PRICE -> {
                keys.add(rank(Fields.ASKING_PRICE_RANK, DealerCarEntry::askingPriceRank));
                keys.add(price(Fields.ASKING_PRICE, way, DealerCarEntry::askingPrice));
            }
        }
        keys.add(new Key(Fields.ID, way, DealerCarEntry::carId, text -> text, Object::toString));
        return new DealerCarOrdering(field.name().toLowerCase(Locale.ROOT) + "," + way.name().toLowerCase(Locale.ROOT),
                List.copyOf(keys));
    }

    private static Key rank(String field, Function<DealerCarEntry, Integer> rankOf) {
        return new Key(field, Sort.Direction.ASC, rankOf::apply, Integer::valueOf, Object::toString);
    }

    private static Key price(String field, Sort.Direction way, Function<DealerCarEntry, BigDecimal> priceOf) {
        return new Key(field, way, entry -> priceOf.apply(entry) == null ? null : new Decimal128(priceOf.apply(entry)),
                Decimal128::parse, value -> ((Decimal128) value).bigDecimalValue().toPlainString());
    }

    Sort sort() {
        return Sort.by(keys.stream().map(key -> new Sort.Order(key.direction(), key.field())).toList());
    }

    /** The cursor after this entry. */
    String cursorAfter(DealerCarEntry entry) {
        List<String> parts = new ArrayList<>();
        parts.add(name);
        for (Key key : keys) {
            Object value = key.valueOf().apply(entry);
            parts.add(value == null ? NULL : key.print().apply(value));
        }
        String raw = String.join(SEPARATOR, parts);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The alternatives of an {@code $or} that selects the items strictly after the cursor in this order.
     *
     * @throws InvalidCursorException if the text is not a cursor of this order
     */
    List<Criteria> itemsAfter(String cursor) {
        List<Object> values = valuesOf(cursor);
        List<Criteria> branches = new ArrayList<>();
        for (int position = 0; position < keys.size(); position++) {
            Key key = keys.get(position);
            Object value = values.get(position);
            if (value != null) {
                Criteria branch = null;
                for (int before = 0; before < position; before++) {
                    branch = branch == null ? where(keys.get(before).field()).is(values.get(before))
                            : branch.and(keys.get(before).field()).is(values.get(before));
                }
                branch = branch == null ? where(key.field()) : branch.and(key.field());
                branches.add(key.direction() == Sort.Direction.ASC ? branch.gt(value) : branch.lt(value));
            }
            // A null value (no price of that kind) is shared by every item of its rank: nothing is beyond it there.
        }
        return branches;
    }

    /**
     * @throws InvalidCursorException if the text is not a cursor of this order
     */
    void check(String cursor) {
        valuesOf(cursor);
    }

    private List<Object> valuesOf(String cursor) {
        String raw;
        try {
            raw = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException notBase64) {
            throw new InvalidCursorException("cursor is not one this API returned");
        }
        String[] parts = raw.split(SEPARATOR, -1);
        if (parts.length != keys.size() + 1) {
            throw new InvalidCursorException("cursor is not one this API returned");
        }
        if (!parts[0].equals(name)) {
            throw new InvalidCursorException("cursor belongs to a list with another sort");
        }
        List<Object> values = new ArrayList<>();
        for (int position = 0; position < keys.size(); position++) {
            String text = parts[position + 1];
            try {
                values.add(NULL.equals(text) ? null : keys.get(position).parse().apply(text));
            } catch (RuntimeException unparsable) {
                throw new InvalidCursorException("cursor is not one this API returned");
            }
        }
        if (values.get(values.size() - 1) == null) {
            throw new InvalidCursorException("cursor is not one this API returned");
        }
        return values;
    }

    static class InvalidCursorException extends IllegalArgumentException {
        InvalidCursorException(String message) {
            super(message);
        }
    }
}
