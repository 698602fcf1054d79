package io.carmarket.support.security;

/** Names and values of the claims CarMarket tokens carry beyond the registered ones. */
public final class TokenClaims {

    /** The only signature algorithm issued and accepted. */
    public static final String ALGORITHM = "ES256";
    public static final String ROLE = "role";
    /** {@value #ACCESS} or {@value #REFRESH}: a token of one use is never accepted for the other. */
    public static final String TOKEN_USE = "token_use";
    public static final String ACCESS = "access";
    public static final String REFRESH = "refresh";
    /** The refresh token family: every refresh token derived from one login. */
    public static final String FAMILY = "fid";

    private TokenClaims() {
    }
}
