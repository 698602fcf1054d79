package io.carmarket.command.identity;

import io.carmarket.api.identity.Role;
import io.carmarket.api.identity.UserRegistered;
import io.carmarket.command.identity.TokenIssuer.IssuedToken;
import io.carmarket.support.security.JwtProperties;
import io.carmarket.support.security.RefreshTokenClaims;
import io.carmarket.support.security.TokenRejectedException;
import io.carmarket.support.security.TokenVerifier;
import org.axonframework.eventhandling.gateway.EventGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * Accounts and sessions: registration, login, refresh-token rotation with reuse detection, logout.
 * <p>
 * A login starts a refresh-token family. Each refresh exchanges the family's current refresh token for a new
 * pair and retires it. A retired token presented again means it leaked: the whole family is revoked, and the
 * thief and the owner alike must log in again.
 */
@Service
public class IdentityService {

    private static final Logger log = LoggerFactory.getLogger(IdentityService.class);

    private final UserAccounts accounts;
    private final RefreshTokenFamilies families;
    private final TokenIssuer issuer;
    private final TokenVerifier verifier;
    private final PasswordEncoder passwordEncoder;
    private final LoginRateLimiter rateLimiter;
    private final JwtProperties jwtProperties;
    private final Clock clock;
    private final EventGateway eventGateway;
    /** Compared against when the email is unknown, so that unknown and known emails take equally long. */
    private final String decoyHash;

    IdentityService(UserAccounts accounts, RefreshTokenFamilies families, TokenIssuer issuer, TokenVerifier verifier,
                    PasswordEncoder passwordEncoder, LoginRateLimiter rateLimiter, JwtProperties jwtProperties,
                    Clock clock, EventGateway eventGateway) {
        this.accounts = accounts;
        this.families = families;
        this.issuer = issuer;
        this.verifier = verifier;
        this.passwordEncoder = passwordEncoder;
        this.rateLimiter = rateLimiter;
        this.jwtProperties = jwtProperties;
        this.clock = clock;
        this.eventGateway = eventGateway;
        this.decoyHash = passwordEncoder.encode(UUID.randomUUID().toString());
    }

    /**
     * @throws WeakPasswordException if the password fails {@link PasswordPolicy}
     * @throws EmailTakenException   if the email is registered already, in any letter case
     */
    public UserAccount register(String email, String password, String name, Role role) {
        PasswordPolicy.weakness(password, email).ifPresent(weakness -> {
            throw new WeakPasswordException(weakness);
        });
        UserAccount account = new UserAccount(UUID.randomUUID().toString(), email.trim(),
                UserAccount.emailKeyOf(email), passwordEncoder.encode(password), name.trim(), role, clock.instant());
        UserAccount added = accounts.add(account);
        // After the account is stored: an e-mail taken already throws above and publishes nothing.
        try {
            eventGateway.publish(new UserRegistered(added.id(), added.role(), added.createdAt()));
        } catch (RuntimeException notPublished) {
            // Kept, the account would be missing from the projections for good, and the client's retry (the event
            // store was unreachable, 503) would find its e-mail taken.
            accounts.remove(added.id());
            throw notPublished;
        }
        return added;
    }

    /**
     * @throws TooManyLoginAttemptsException if the address or the account has used up its failed logins
     * @throws InvalidCredentialsException   if the email is unknown or the password wrong; counted as a failure
     */
    public Session login(String email, String password, String clientAddress) {
        LoginRateLimiter.Attempt attempt = rateLimiter.admit(clientAddress, email);
        Optional<UserAccount> account;
        boolean matches;
        try {
            account = accounts.byEmail(email);
            matches = passwordEncoder.matches(password, account.map(UserAccount::passwordHash).orElse(decoyHash));
        } catch (RuntimeException unjudged) {
            attempt.release();
            throw unjudged;
        }
        if (account.isEmpty() || !matches) {
            throw new InvalidCredentialsException();
        }
        attempt.release();
        return startSession(account.get());
    }

    /**
     * @throws TokenRejectedException       if the token is not a valid refresh token of a live family and user
     * @throws RefreshTokenReusedException  if it was already exchanged; the family is then revoked
     */
    public Session refresh(String refreshToken) {
        RefreshTokenClaims claims = verifier.verifyRefreshToken(refreshToken);
        RefreshTokenFamily family = families.byId(claims.familyId())
                .filter(found -> found.userId().equals(claims.userId()))
                .orElseThrow(() -> new TokenRejectedException("The refresh token's session does not exist"));
        if (family.isRevoked()) {
            throw new TokenRejectedException("The refresh token's session has been revoked");
        }
        if (!family.currentTokenId().equals(claims.tokenId())) {
            revokeForReuse(family.id());
        }
        UserAccount user = accounts.byId(claims.userId())
                .orElseThrow(() -> new TokenRejectedException("The token's user does not exist"));
        String nextTokenId = UUID.randomUUID().toString();
        Instant expiresAt = clock.instant().plus(jwtProperties.refreshTokenTtl());
        if (!families.rotate(family.id(), claims.tokenId(), nextTokenId, expiresAt)) {
            // Another request exchanged the same token a moment earlier.
            revokeForReuse(family.id());
        }
        return new Session(user, issuer.accessToken(user),
                issuer.refreshToken(user.id(), family.id(), nextTokenId, expiresAt));
    }

    /** Ends the login the refresh token belongs to. Unknown or invalid tokens are ignored: logout is idempotent. */
    public void logout(String refreshToken) {
        try {
            RefreshTokenClaims claims = verifier.verifyRefreshToken(refreshToken);
            families.revoke(claims.familyId(), RefreshTokenFamilies.LOGOUT, clock.instant());
        } catch (TokenRejectedException ignored) {
            // nothing to end
        }
    }

    public Optional<UserAccount> account(String userId) {
        return accounts.byId(userId);
    }

    public Optional<UserAccount> accountByEmail(String email) {
        return accounts.byEmail(email);
    }

    private Session startSession(UserAccount user) {
        String familyId = UUID.randomUUID().toString();
        String tokenId = UUID.randomUUID().toString();
        Instant now = clock.instant();
        Instant expiresAt = now.plus(jwtProperties.refreshTokenTtl());
        families.start(new RefreshTokenFamily(familyId, user.id(), tokenId, now, expiresAt, null, null));
        return new Session(user, issuer.accessToken(user), issuer.refreshToken(user.id(), familyId, tokenId, expiresAt));
    }

    private void revokeForReuse(String familyId) {
        families.revoke(familyId, RefreshTokenFamilies.REUSE_DETECTED, clock.instant());
        log.warn("Refresh token reuse detected; session family {} revoked", familyId);
        throw new RefreshTokenReusedException();
    }

    /** The tokens of a login or a refresh, with the user they belong to. */
    public record Session(UserAccount user, IssuedToken accessToken, IssuedToken refreshToken) {
    }
}
