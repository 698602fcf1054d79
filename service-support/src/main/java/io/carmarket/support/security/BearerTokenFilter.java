package io.carmarket.support.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * Authenticates a request that carries {@code Authorization: Bearer <access token>}. A request without one
 * continues anonymously (public endpoints allow it; the others answer 401). A request with a bad one is answered
 * 401 at once, even on a public endpoint, so that a client learns its token is no good.
 */
public class BearerTokenFilter extends OncePerRequestFilter {

    private static final String BEARER = "Bearer ";

    private final TokenVerifier verifier;
    private final Optional<UserDirectory> users;
    private final AuthenticationEntryPoint entryPoint;

    public BearerTokenFilter(TokenVerifier verifier, Optional<UserDirectory> users,
                             AuthenticationEntryPoint entryPoint) {
        this.verifier = verifier;
        this.users = users;
        this.entryPoint = entryPoint;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            chain.doFilter(request, response);
            return;
        }
        try {
            AuthenticatedUser user = verifier.verifyAccessToken(header.substring(BEARER.length()).trim());
            if (users.isPresent() && !users.get().exists(user.userId())) {
                throw new TokenRejectedException("The token's user does not exist");
            }
            var authentication = new UsernamePasswordAuthenticationToken(user, null,
                    List.of(new SimpleGrantedAuthority("ROLE_" + user.role().name())));
            SecurityContextHolder.getContext().setAuthentication(authentication);
        } catch (TokenRejectedException rejected) {
            SecurityContextHolder.clearContext();
            entryPoint.commence(request, response, rejected);
            return;
        }
        chain.doFilter(request, response);
    }
}
