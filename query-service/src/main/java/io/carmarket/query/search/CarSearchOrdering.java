package io.carmarket.query.search;

import io.carmarket.api.search.CarSearch;
import io.carmarket.api.search.CarSortField;
import io.carmarket.api.search.PriceType;
import io.carmarket.api.search.SortDirection;
import io.carmarket.query.search.CarSearchEntry.Fields;
import org.bson.types.Decimal128;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.query.Criteria;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Date;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/**
 * The order of a search and its keyset: sort by one field, then by id, so that "after this item" is a filter
 * ({@code field > v or (field = v and id > last)}) and pages stay stable while cars are listed meanwhile.
 */
record CarSearchOrdering(CarSortField sortField, SortDirection direction, PriceType priceType) {

    static CarSearchOrdering of(CarSearch search) {
        return new CarSearchOrdering(search.sortField(), search.direction(), search.priceType());
    }

    /** Written into cursors so that a cursor is only accepted by a search in the same order. */
    String key() {
        return sortField + ":" + direction + ":" + priceType;
    }

    String field() {
        return switch (sortField) {
            case PRICE -> priceField(priceType);
            case YEAR -> Fields.YEAR;
            case MILEAGE -> Fields.MILEAGE;
            case CREATED_AT -> Fields.LISTED_AT;
        };
    }

    static String priceField(PriceType priceType) {
        return priceType == PriceType.ASKING_PRICE ? Fields.ASKING_PRICE : Fields.DAILY_RATE;
    }

    Sort sort() {
        Sort.Direction mongoDirection = direction == SortDirection.ASC ? Sort.Direction.ASC : Sort.Direction.DESC;
        return Sort.by(mongoDirection, field()).and(Sort.by(mongoDirection, Fields.ID));
    }

    String sortValueOf(CarSearchKeys car) {
        return switch (sortField) {
            case PRICE -> (priceType == PriceType.ASKING_PRICE ? car.askingPrice() : car.dailyRate()).toPlainString();
            case YEAR -> Integer.toString(car.year());
            case MILEAGE -> Integer.toString(car.mileage());
            case CREATED_AT -> car.listedAt().toString();
        };
    }

    /**
     * The cursor of a search in this order, checked down to its sort value, so that a forged cursor is refused
     * where the request is read, never while the query runs.
     *
     * @throws CarSearchCursor.InvalidCursorException if it is not a cursor this order made
     */
    CarSearchCursor cursorOf(String encoded) {
        CarSearchCursor cursor = CarSearchCursor.decode(encoded, key());
        storedValue(cursor.sortValue());
        return cursor;
    }

    /** Items strictly after the cursor in this order. */
    Criteria after(CarSearchCursor cursor) {
        Object value = storedValue(cursor.sortValue());
        boolean ascending = direction == SortDirection.ASC;
        Criteria beyondValue = ascending ? where(field()).gt(value) : where(field()).lt(value);
        Criteria sameValueBeyondId = where(field()).is(value);
        sameValueBeyondId = ascending ? sameValueBeyondId.and(Fields.ID).gt(cursor.carId())
                : sameValueBeyondId.and(Fields.ID).lt(cursor.carId());
        return new Criteria().orOperator(beyondValue, sameValueBeyondId);
    }

    private Object storedValue(String sortValue) {
        try {
            return switch (sortField) {
                case PRICE -> new Decimal128(new BigDecimal(sortValue));
                case YEAR, MILEAGE -> Integer.parseInt(sortValue);
                case CREATED_AT -> Date.from(Instant.parse(sortValue));
            };
        } catch (RuntimeException malformed) {
            throw new CarSearchCursor.InvalidCursorException("cursor is not one this API returned");
        }
    }
}
