package io.carmarket.command.common;

import io.carmarket.api.rejection.CommandRejection.Kind;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeDiagnosingMatcher;

import java.util.Map;

/** Hamcrest matchers for fixture tests that expect a command to be refused: {@code expectException(rejectedAs(..))}. */
public final class RuleViolationMatchers {

    private RuleViolationMatchers() {
    }

    /** A {@link RuleViolation} of this kind and code, whatever its details. */
    public static Matcher<RuleViolation> rejectedAs(Kind kind, String code) {
        return new RuleViolationMatcher(kind, code, null);
    }

    /** A {@link RuleViolation} of this kind and code with exactly these details. */
    public static Matcher<RuleViolation> rejectedAs(Kind kind, String code, Map<String, String> details) {
        return new RuleViolationMatcher(kind, code, details);
    }

    private static final class RuleViolationMatcher extends TypeSafeDiagnosingMatcher<RuleViolation> {

        private final Kind kind;
        private final String code;
        private final Map<String, String> details;

        RuleViolationMatcher(Kind kind, String code, Map<String, String> details) {
            super(RuleViolation.class);
            this.kind = kind;
            this.code = code;
            this.details = details;
        }

        @Override
        protected boolean matchesSafely(RuleViolation violation, Description mismatch) {
            var rejection = violation.rejection();
            mismatch.appendText("was kind ").appendValue(rejection.kind())
                    .appendText(", code ").appendValue(rejection.code())
                    .appendText(", details ").appendValue(rejection.details());
            return rejection.kind() == kind
                    && code.equals(rejection.code())
                    && (details == null || details.equals(rejection.details()));
        }

        @Override
        public void describeTo(Description description) {
            description.appendText("a RuleViolation of kind ").appendValue(kind).appendText(" with code ")
                    .appendValue(code);
            if (details != null) {
                description.appendText(" and details ").appendValue(details);
            }
        }
    }
}
