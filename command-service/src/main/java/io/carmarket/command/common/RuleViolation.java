package io.carmarket.command.common;

import io.carmarket.api.rejection.CommandRejection;
import io.carmarket.api.rejection.CommandRejection.Kind;

import java.util.Map;

/**
 * Thrown by an aggregate's command handler when a command breaks a business rule. Nothing is applied;
 * {@link RejectionTranslatingInterceptor} turns it into a rejection the caller can read, locally or remotely.
 */
public class RuleViolation extends RuntimeException {

    private final transient CommandRejection rejection;

    private RuleViolation(Kind kind, String code, String message, Map<String, String> details) {
        super(message, null, false, false);
        this.rejection = new CommandRejection(kind, code, message, details);
    }

    public static RuleViolation conflict(String code, String message) {
        return new RuleViolation(Kind.CONFLICT, code, message, Map.of());
    }

    public static RuleViolation conflict(String code, String message, Map<String, String> details) {
        return new RuleViolation(Kind.CONFLICT, code, message, details);
    }

    public static RuleViolation invalid(String code, String message) {
        return new RuleViolation(Kind.INVALID, code, message, Map.of());
    }

    public static RuleViolation invalid(String code, String message, Map<String, String> details) {
        return new RuleViolation(Kind.INVALID, code, message, details);
    }

    public static RuleViolation forbidden(String code, String message) {
        return new RuleViolation(Kind.FORBIDDEN, code, message, Map.of());
    }

    public static RuleViolation notFound(String code, String message) {
        return new RuleViolation(Kind.NOT_FOUND, code, message, Map.of());
    }

    public CommandRejection rejection() {
        return rejection;
    }

    public String code() {
        return rejection.code();
    }
}
