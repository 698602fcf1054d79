package io.carmarket.query.search;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SearchTextTest {

    @Test
    void keys_ignore_case_accents_and_extra_spaces() {
        assertThat(SearchText.key("  Mercedes-Benz ")).isEqualTo("mercedes-benz");
        assertThat(SearchText.key("Frankfurt   am Main")).isEqualTo("frankfurt am main");
        assertThat(SearchText.key("ŠKODA")).isEqualTo("skoda");
        assertThat(SearchText.key("İstanbul")).isEqualTo("istanbul");
        assertThat(SearchText.key(null)).isNull();
    }

    @Test
    void tokens_are_the_words_of_make_model_and_variant_and_their_joined_forms() {
        assertThat(SearchText.tokens("Volkswagen", "Golf", "1.5 TSI")).containsExactly(
                "volkswagen", "golf", "1", "5", "15", "tsi");
        assertThat(SearchText.tokens("Audi", "Q8 e-tron", null)).containsExactly("audi", "q8", "e", "tron", "etron");
        assertThat(SearchText.tokens("BMW", "BMW", "")).containsExactly("bmw");
    }

    @Test
    void query_words_are_runs_of_letters_and_digits() {
        assertThat(SearchText.queryWords("Golf, TSI! golf")).containsExactly("golf", "tsi");
        assertThat(SearchText.queryWords("Citroën ë-C4")).containsExactly("citroen", "e", "c4");
        assertThat(SearchText.queryWords(".*[]$^")).isEmpty();
        assertThat(SearchText.queryWords(null)).isEmpty();
    }

    @Test
    void a_prefix_pattern_is_anchored_and_only_made_of_a_query_word() {
        assertThat(SearchText.prefixPattern("golf")).isEqualTo("^golf");
        assertThatThrownBy(() -> SearchText.prefixPattern("a.*")).isInstanceOf(IllegalArgumentException.class);
    }
}
