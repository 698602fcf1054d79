package io.carmarket.command.identity;

import io.carmarket.api.identity.Role;
import io.carmarket.command.identity.IdentityService.Session;
import io.carmarket.support.security.AuthenticatedUser;
import io.carmarket.support.security.TokenRejectedException;
import io.carmarket.support.web.InvalidParameterException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import io.carmarket.support.web.input.EmailAddress;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.WebUtils;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;

/**
 * Registration, login, token refresh and logout. The refresh token comes back in the body and as an HttpOnly,
 * SameSite=Strict cookie scoped to these endpoints; refresh and logout accept either.
 */
@RestController
@RequestMapping("/api/v1/auth")
public class AuthController {

    private static final Set<Role> SELF_REGISTERED_ROLES = Set.of(Role.CUSTOMER, Role.DEALER);
    private static final String BEARER = "Bearer";
    /** Far longer than the tokens this service issues; anything longer is not one of them. */
    private static final int MAX_REFRESH_TOKEN_LENGTH = 4096;

    private final IdentityService identity;
    private final IdentityProperties properties;
    private final Clock clock;

    public AuthController(IdentityService identity, IdentityProperties properties, Clock clock) {
        this.identity = identity;
        this.properties = properties;
        this.clock = clock;
    }

    @PostMapping("/register")
    public ResponseEntity<UserProfile> register(@Valid @RequestBody RegisterRequest request) {
        if (!SELF_REGISTERED_ROLES.contains(request.role())) {
            throw new InvalidParameterException("role", "must be CUSTOMER or DEALER");
        }
        UserAccount account = identity.register(request.email(), request.password(), request.name(), request.role());
        return ResponseEntity.created(URI.create("/api/v1/auth/me")).body(UserProfile.of(account));
    }

    @PostMapping("/login")
    public ResponseEntity<TokenResponse> login(@Valid @RequestBody LoginRequest request,
                                               HttpServletRequest httpRequest) {
        Session session = identity.login(request.email(), request.password(), httpRequest.getRemoteAddr());
        return withRefreshCookie(session);
    }

    @PostMapping("/refresh")
    public ResponseEntity<TokenResponse> refresh(@Valid @RequestBody(required = false) RefreshRequest body,
                                                 HttpServletRequest httpRequest) {
        String refreshToken = refreshTokenOf(body, httpRequest);
        if (refreshToken == null) {
            throw new TokenRejectedException("No refresh token in the body or the cookie");
        }
        return withRefreshCookie(identity.refresh(refreshToken));
    }

    @PostMapping("/logout")
    public ResponseEntity<Void> logout(@Valid @RequestBody(required = false) RefreshRequest body,
                                       HttpServletRequest httpRequest) {
        String refreshToken = refreshTokenOf(body, httpRequest);
        if (refreshToken != null) {
            identity.logout(refreshToken);
        }
        return ResponseEntity.noContent().header(HttpHeaders.SET_COOKIE, refreshCookie("", Duration.ZERO).toString())
                .build();
    }

    @GetMapping("/me")
    public ResponseEntity<UserProfile> me(@AuthenticationPrincipal AuthenticatedUser user) {
        return identity.account(user.userId()).map(UserProfile::of).map(ResponseEntity::ok)
                .orElseThrow(() -> new TokenRejectedException("The token's user does not exist"));
    }

    private ResponseEntity<TokenResponse> withRefreshCookie(Session session) {
        Duration refreshLifetime = Duration.between(clock.instant(), session.refreshToken().expiresAt());
        TokenResponse body = new TokenResponse(session.accessToken().value(), BEARER,
                Duration.between(clock.instant(), session.accessToken().expiresAt()).toSeconds(),
                session.refreshToken().value(), refreshLifetime.toSeconds(), UserProfile.of(session.user()));
        return ResponseEntity.ok()
                .header(HttpHeaders.SET_COOKIE, refreshCookie(session.refreshToken().value(), refreshLifetime).toString())
                .body(body);
    }

    private ResponseCookie refreshCookie(String value, Duration maxAge) {
        IdentityProperties.RefreshCookie cookie = properties.refreshCookie();
        return ResponseCookie.from(cookie.name(), value)
                .httpOnly(true)
                .secure(cookie.secure())
                .sameSite("Strict")
                .path(cookie.path())
                .maxAge(maxAge)
                .build();
    }

    private String refreshTokenOf(RefreshRequest body, HttpServletRequest request) {
        if (body != null && body.refreshToken() != null && !body.refreshToken().isBlank()) {
            return body.refreshToken();
        }
        Cookie cookie = WebUtils.getCookie(request, properties.refreshCookie().name());
        return cookie == null || cookie.getValue().isBlank() ? null : cookie.getValue();
    }

    public record RegisterRequest(@EmailAddress String email,
                                  @NotNull @Size(max = 200) String password,
                                  @NotBlank @Size(max = 100) String name,
                                  @NotNull Role role) {
    }

    public record LoginRequest(@NotBlank @Size(max = 254) String email, @NotNull @Size(max = 200) String password) {
    }

    public record RefreshRequest(@Size(max = MAX_REFRESH_TOKEN_LENGTH) String refreshToken) {
    }

    public record TokenResponse(String accessToken, String tokenType, long expiresIn, String refreshToken,
                                long refreshExpiresIn, UserProfile user) {
    }
}
