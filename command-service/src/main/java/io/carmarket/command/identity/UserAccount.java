package io.carmarket.command.identity;

import io.carmarket.api.identity.Role;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;
import java.util.Locale;

/**
 * A user. Not event-sourced: it holds a password hash, which must be deletable and must never reach an event
 * stream that auditors replay. {@code emailKey} is the email in lower case, unique.
 */
@Document(UserAccount.COLLECTION)
public record UserAccount(@Id String id, String email, String emailKey, String passwordHash, String name, Role role,
                          Instant createdAt) {

    public static final String COLLECTION = "users";

    static String emailKeyOf(String email) {
        return email.trim().toLowerCase(Locale.ROOT);
    }
}
