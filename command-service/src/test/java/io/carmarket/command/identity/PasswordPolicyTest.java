package io.carmarket.command.identity;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Specification of {@link PasswordPolicy}: at least 10 characters, at most 72 UTF-8 bytes (bcrypt's limit), not
 * only letters, at least 4 different characters, not a common password, not containing the email's name.
 */
class PasswordPolicyTest {

    private static final String EMAIL = "jo@example.com";

    @Test
    void a_long_varied_uncommon_password_is_acceptable() {
        assertThat(weaknessOf("violet-anchor-42")).isEmpty();
    }

    // ---------------------------------------------------------------------------------------------------------
    // Length
    // ---------------------------------------------------------------------------------------------------------

    @Test
    void a_password_of_nine_characters_is_too_short() {
        assertThat(weaknessOf("vio1et-an")).contains("must be at least 10 characters long");
    }

    @Test
    void a_password_of_exactly_ten_characters_is_long_enough() {
        assertThat(weaknessOf("vio1et-anc")).isEmpty();
    }

    @Test
    void a_missing_password_is_too_short() {
        assertThat(weaknessOf(null)).contains("must be at least 10 characters long");
    }

    @Test
    void a_password_of_exactly_72_utf8_bytes_is_acceptable() {
        String password = "ü".repeat(30) + "1234567890ab";
        assertThat(utf8Bytes(password)).isEqualTo(72);

        assertThat(weaknessOf(password)).isEmpty();
    }

    @Test
    void a_password_of_73_utf8_bytes_is_too_long_although_it_has_only_43_characters() {
        String password = "ü".repeat(30) + "1234567890abc";
        assertThat(utf8Bytes(password)).isEqualTo(73);
        assertThat(password).hasSize(43);

        assertThat(weaknessOf(password)).contains("must be at most 72 bytes long");
    }

    @Test
    void a_password_of_five_emoji_is_too_short() {
        String fiveCharacters = "\uD83D\uDE00\uD83D\uDE01\uD83D\uDE02\uD83D\uDE03\uD83D\uDE04";
        assertThat(fiveCharacters.codePointCount(0, fiveCharacters.length())).isEqualTo(5);

        assertThat(weaknessOf(fiveCharacters)).contains("must be at least 10 characters long");
    }

    // ---------------------------------------------------------------------------------------------------------
    // Composition
    // ---------------------------------------------------------------------------------------------------------

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"violetanchor", "VioletAnchorBlue", "äöüßéèêçñå"})
    void a_password_of_letters_only_is_too_weak(String password) {
        assertThat(weaknessOf(password)).contains("must contain at least one digit or symbol");
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"1111111111", "1212121212", "ababababa1"})
    void a_password_of_fewer_than_four_different_characters_is_too_weak(String password) {
        assertThat(weaknessOf(password)).contains("must use at least 4 different characters");
    }

    @Test
    void a_password_of_exactly_four_different_characters_is_acceptable() {
        assertThat(weaknessOf("abababab12")).isEmpty();
    }

    // ---------------------------------------------------------------------------------------------------------
    // Common passwords and the user's own email name
    // ---------------------------------------------------------------------------------------------------------

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"password123", "PASSWORD123", "PassWord123", "Qwerty1234", "1234567890", "Welcome123"})
    void a_common_password_is_too_weak_in_any_letter_case(String password) {
        assertThat(weaknessOf(password)).contains("is too common");
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"alice.smith-2024", "2024-ALICE.SMITH", "my-Alice.Smith!"})
    void a_password_containing_the_email_name_is_too_weak_in_any_letter_case(String password) {
        assertThat(PasswordPolicy.weakness(password, "Alice.Smith@example.com"))
                .contains("must not contain your email name");
    }

    @Test
    void an_email_name_of_exactly_four_characters_is_checked() {
        assertThat(PasswordPolicy.weakness("hannah-anna-77", "anna@example.com"))
                .contains("must not contain your email name");
    }

    @Test
    void an_email_name_shorter_than_four_characters_is_not_checked() {
        assertThat(PasswordPolicy.weakness("palette-9876", "al@x.org")).isEmpty();
    }

    @Test
    void the_email_domain_may_occur_in_the_password() {
        assertThat(PasswordPolicy.weakness("example-9876", "alice@example.com")).isEmpty();
    }

    // ---------------------------------------------------------------------------------------------------------
    // Helpers
    // ---------------------------------------------------------------------------------------------------------

    /** The weakness of a password for a user whose email name is too short to be checked. */
    private static Optional<String> weaknessOf(String password) {
        return PasswordPolicy.weakness(password, EMAIL);
    }

    private static int utf8Bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }
}
