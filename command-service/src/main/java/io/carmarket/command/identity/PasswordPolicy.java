package io.carmarket.command.identity;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The minimum strength of a password, after NIST SP 800-63B: length matters most, no composition games beyond
 * "not only letters", and no password everybody tries first. The upper bound is bcrypt's 72 bytes, beyond which
 * bcrypt would silently ignore the rest.
 */
final class PasswordPolicy {

    static final int MIN_LENGTH = 10;
    static final int MAX_BYTES = 72;
    static final int MIN_DISTINCT_CHARACTERS = 4;
    /** Shorter email names are too likely to occur in a good password by chance. */
    private static final int MIN_EMAIL_NAME_TO_CHECK = 4;
    private static final Set<String> COMMON = Set.of("password123", "password1234", "1234567890", "qwerty1234",
            "iloveyou123", "letmein123", "welcome123", "abcdefghij1", "password12");

    private PasswordPolicy() {
    }

    /** @return why the password is too weak, or empty when it is acceptable */
    static Optional<String> weakness(String password, String email) {
        // Characters are Unicode code points, as NIST counts them: an emoji is one character, not two.
        if (password == null || password.codePointCount(0, password.length()) < MIN_LENGTH) {
            return Optional.of("must be at least " + MIN_LENGTH + " characters long");
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            return Optional.of("must be at most " + MAX_BYTES + " bytes long");
        }
        if (password.codePoints().allMatch(Character::isLetter)) {
            return Optional.of("must contain at least one digit or symbol");
        }
        if (password.codePoints().distinct().count() < MIN_DISTINCT_CHARACTERS) {
            return Optional.of("must use at least " + MIN_DISTINCT_CHARACTERS + " different characters");
        }
        String lower = password.toLowerCase(Locale.ROOT);
        if (COMMON.contains(lower)) {
            return Optional.of("is too common");
        }
        String emailName = email == null ? "" : email.trim().toLowerCase(Locale.ROOT).split("@")[0];
        if (emailName.length() >= MIN_EMAIL_NAME_TO_CHECK && lower.contains(emailName)) {
            return Optional.of("must not contain your email name");
        }
        return Optional.empty();
    }
}
