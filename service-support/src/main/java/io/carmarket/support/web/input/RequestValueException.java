package io.carmarket.support.web.input;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

/**
 * A value of a request body that is well-formed JSON of the right type but refused by the request policy (a date
 * out of range, a string with control characters). Jackson adds the field's path on its way out; the message is
 * meant for the client.
 */
public class RequestValueException extends MismatchedInputException {

    private final String reason;

    RequestValueException(JsonParser parser, String reason, Class<?> targetType) {
        super(parser, reason, targetType);
        this.reason = reason;
    }

    /** Why the value was refused, worded as the end of "field ..." (e.g. "must be a single line"). */
    public String reason() {
        return reason;
    }
}
