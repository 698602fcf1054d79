package io.carmarket.support.web.input;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.regex.Pattern;

/**
 * The dates this API reads, in bodies and in query parameters: ISO {@code yyyy-MM-dd} with a four-digit year from
 * 1900 to 9999. Four digits keep stored dates comparable as text, and nothing in a car marketplace lies outside this
 * range. How far ahead a booking may be is a business rule on top of this (the car's booking horizon).
 */
public final class CalendarDates {

    public static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);
    public static final LocalDate LATEST = LocalDate.of(9999, 12, 31);

    private static final Pattern SHAPE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final DateTimeFormatter STRICT_ISO_DATE =
            DateTimeFormatter.ofPattern("uuuu-MM-dd").withResolverStyle(ResolverStyle.STRICT);
    private static final String EXPECTED = "must be a date like 2026-12-24 (yyyy-MM-dd, years 1900 to 9999)";

    private CalendarDates() {
    }

    /**
     * @throws IllegalArgumentException with a message fit for the client when {@code text} is not such a date
     */
    public static LocalDate parse(String text) {
        if (text == null || !SHAPE.matcher(text).matches()) {
            throw new IllegalArgumentException(EXPECTED);
        }
        LocalDate date;
        try {
            date = LocalDate.parse(text, STRICT_ISO_DATE);
        } catch (DateTimeParseException noSuchDay) {
            throw new IllegalArgumentException("must be a date that exists, like 2026-12-24");
        }
        if (date.isBefore(EARLIEST)) {
            throw new IllegalArgumentException(EXPECTED);
        }
        return date;
    }

    /** What clients are told a date must look like. */
    public static String expectation() {
        return EXPECTED;
    }
}
