package io.carmarket.query.web;

import io.carmarket.api.search.SortDirection;
import io.carmarket.support.web.InvalidParameterException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SortParameterTest {

    private enum Field { NEWEST, PRICE }

    private final SortParameter<Field> sort = SortParameter.of(Field.NEWEST, SortDirection.DESC,
            Map.entry("createdAt", Field.NEWEST), Map.entry("price", Field.PRICE));

    @Test
    void no_parameter_sorts_by_the_lists_default() {
        assertThat(sort.parse(null)).isEqualTo(new SortParameter.Order<>(Field.NEWEST, SortDirection.DESC));
        assertThat(sort.parse(" ")).isEqualTo(new SortParameter.Order<>(Field.NEWEST, SortDirection.DESC));
    }

    @Test
    void a_field_alone_sorts_ascending() {
        assertThat(sort.parse("price")).isEqualTo(new SortParameter.Order<>(Field.PRICE, SortDirection.ASC));
    }

    @Test
    void a_direction_may_follow_the_field_in_any_case() {
        assertThat(sort.parse("price,DESC")).isEqualTo(new SortParameter.Order<>(Field.PRICE, SortDirection.DESC));
        assertThat(sort.parse("price, asc")).isEqualTo(new SortParameter.Order<>(Field.PRICE, SortDirection.ASC));
    }

    @ParameterizedTest
    @ValueSource(strings = {"colour", "price,sideways", "price,asc,again", ",asc", "Price"})
    void anything_else_is_refused_naming_the_parameter_and_the_fields_in_their_order(String value) {
        assertThatThrownBy(() -> sort.parse(value))
                .isInstanceOfSatisfying(InvalidParameterException.class, refused -> {
                    assertThat(refused.parameter()).isEqualTo("sort");
                    assertThat(refused.getMessage()).contains("createdAt, price");
                });
    }
}
