package io.headline.common.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

/**
 * A JSON value of the right type that Headline will not store (text with a NUL, an instant in year 10000). Jackson
 * adds the property path as it unwinds, so the problem names the field; it is a 422 like any other invalid field.
 */
public class RefusedValueException extends MismatchedInputException {

    private final String reason;

    RefusedValueException(JsonParser parser, Class<?> type, String reason) {
        super(parser, reason, type);
        this.reason = reason;
    }

    public String reason() {
        return reason;
    }
}
