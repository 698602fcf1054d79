package io.carmarket.support.web;

/**
 * A request parameter that passed type conversion but makes no sense, such as a range whose end precedes its
 * start. Answered as a 400 naming the parameter.
 */
public class InvalidParameterException extends RuntimeException {

    private final String parameter;

    public InvalidParameterException(String parameter, String message) {
        super(message);
        this.parameter = parameter;
    }

    public String parameter() {
        return parameter;
    }
}
