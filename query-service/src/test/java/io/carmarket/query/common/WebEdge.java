package io.carmarket.query.common;

import io.carmarket.api.identity.Role;
import io.carmarket.support.security.AuthenticatedUser;
import io.carmarket.support.web.ApiProblemHandler;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.method.annotation.AuthenticationPrincipalArgumentResolver;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;

import java.util.List;

/**
 * A controller alone behind MockMvc, with the problem handler of every service and a signed-in user as the bearer
 * token filter would leave it in the security context.
 */
public final class WebEdge {

    private WebEdge() {
    }

    public static MockMvc of(Object controller) {
        return MockMvcBuilders.standaloneSetup(controller)
                .setControllerAdvice(new ApiProblemHandler())
                .setCustomArgumentResolvers(new AuthenticationPrincipalArgumentResolver())
                .build();
    }

    public static AuthenticatedUser signIn(String userId, Role role) {
        AuthenticatedUser user = new AuthenticatedUser(userId, role);
        SecurityContextHolder.getContext().setAuthentication(new UsernamePasswordAuthenticationToken(user, null,
                List.of(new SimpleGrantedAuthority("ROLE_" + role.name()))));
        return user;
    }

    public static void signOut() {
        SecurityContextHolder.clearContext();
    }
}
