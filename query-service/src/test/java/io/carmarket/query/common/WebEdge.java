package io.carmarket.query.common;

import io.carmarket.api.identity.Role;
import io.carmarket.support.security.AuthenticatedUser;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.carmarket.support.web.ApiProblemHandler;
import io.carmarket.support.web.UnavailableProblems;
import io.carmarket.support.web.UnavailableProperties;
import io.carmarket.support.web.input.CalendarDateFormatting;
import io.carmarket.support.web.input.StrictRequestJson;
import org.springframework.format.support.DefaultFormattingConversionService;
import org.springframework.format.support.FormattingConversionService;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;
import org.springframework.http.converter.json.MappingJackson2HttpMessageConverter;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.method.annotation.AuthenticationPrincipalArgumentResolver;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;

import java.time.Duration;
import java.util.List;

/**
 * A controller alone behind MockMvc, with the request policy and problem handler of every service, JSON written as
 * Spring Boot is configured to, and a signed-in user as the bearer token filter would leave it in the security
 * context.
 */
public final class WebEdge {

    /** What a 503 of the problem handler tells the client to wait, in these tests. */
    public static final Duration RETRY_AFTER = Duration.ofSeconds(5);

    private WebEdge() {
    }

    /** With the request policy of every service: calendar dates in parameters, strictly read JSON bodies. */
    public static MockMvc of(Object controller) {
        FormattingConversionService conversions = new DefaultFormattingConversionService();
        new CalendarDateFormatting().addFormatters(conversions);
        ObjectMapper json = Jackson2ObjectMapperBuilder.json().serializationInclusion(JsonInclude.Include.NON_NULL)
                .featuresToDisable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).build();
        return MockMvcBuilders.standaloneSetup(controller)
                .setConversionService(conversions)
                .setMessageConverters(new MappingJackson2HttpMessageConverter(StrictRequestJson.readerOf(json)))
                .setControllerAdvice(new ApiProblemHandler(
                        new UnavailableProblems(new UnavailableProperties(RETRY_AFTER))))
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
