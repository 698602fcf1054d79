package io.carmarket.query.dashboard;

import org.junit.jupiter.api.Test;

import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

class MediansTest {

    @Test
    void no_values_have_no_median() {
        assertThat(Medians.of(new TreeMap<>())).isNull();
    }

    @Test
    void an_odd_count_has_its_middle_value() {
        TreeMap<Long, Long> histogram = new TreeMap<>();
        histogram.put(1L, 2L);
        histogram.put(7L, 1L);
        assertThat(Medians.of(histogram)).isEqualTo(1.0);
    }

    @Test
    void an_even_count_has_the_mean_of_its_two_middle_values() {
        TreeMap<Long, Long> histogram = new TreeMap<>();
        histogram.put(2L, 1L);
        histogram.put(4L, 1L);
        histogram.put(10L, 2L);
        assertThat(Medians.of(histogram)).isEqualTo(7.0);
    }
}
