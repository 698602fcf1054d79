package io.carmarket.support.security;

/**
 * Tells whether the user a valid token names still exists. The service that owns identity provides it; a
 * service without one trusts a valid token for its short lifetime.
 */
public interface UserDirectory {

    boolean exists(String userId);
}
