package io.carmarket.support.web.input;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Specification of {@link CalendarDates}: the dates every request may carry. */
class CalendarDatesTest {

    @Test
    void an_iso_date_in_range_is_read() {
        assertThat(CalendarDates.parse("2028-02-29")).isEqualTo(LocalDate.of(2028, 2, 29));
        assertThat(CalendarDates.parse("1900-01-01")).isEqualTo(CalendarDates.EARLIEST);
        assertThat(CalendarDates.parse("9999-12-31")).isEqualTo(CalendarDates.LATEST);
    }

    @ParameterizedTest
    @ValueSource(strings = {"+10000-01-01", "10000-01-01", "-0001-01-01", "0999-12-31", "1899-12-31", "2027-02-29",
            "2027-13-01", "2027-1-1", "20270101", " 2027-01-01", "2027-01-01Z", "2027-01-01T00:00", "", "today"})
    void anything_else_is_refused_with_a_message_for_the_client(String text) {
        assertThatThrownBy(() -> CalendarDates.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("must be a date");
    }
}
