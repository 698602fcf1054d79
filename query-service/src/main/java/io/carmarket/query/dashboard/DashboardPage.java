package io.carmarket.query.dashboard;

import io.carmarket.support.security.EndpointRoles;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import java.io.IOException;

/**
 * The dashboards' web page: {@code /dashboard} serves the static page in {@code static/dashboard/} (its HTML, one
 * script, one style sheet) and the charting library from its WebJar under {@code /webjars/}. The page and its files
 * are public; the figures are not: the page asks for them with the access token of whoever logs in on it.
 * <p>
 * The page runs no inline script or style and talks only to its own origin, which its Content-Security-Policy
 * enforces.
 */
@Configuration(proxyBeanMethods = false)
public class DashboardPage implements WebMvcConfigurer {

    static final String PAGE = "/dashboard";
    static final String INDEX = "forward:/dashboard/index.html";
    static final String[] PUBLIC_FILES = {PAGE, PAGE + "/", PAGE + "/**", "/webjars/**"};

    /**
     * Scripts, styles and calls to its own origin only; images also as data: URLs (the charts' "save as image");
     * no plug-ins, no framing, no form posted anywhere (the login form is sent by the script).
     */
    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; connect-src 'self'; font-src 'self'; base-uri 'none'; form-action 'none'; "
            + "frame-ancestors 'none'";

    @Override
    public void addViewControllers(ViewControllerRegistry registry) {
        // Both spellings serve the page itself (no redirect); its files are named by absolute paths.
        registry.addViewController(PAGE).setViewName(INDEX);
        registry.addViewController(PAGE + "/").setViewName(INDEX);
    }

    @Bean
    public EndpointRoles dashboardPageIsPublic() {
        return requests -> requests
                .requestMatchers(HttpMethod.GET, PUBLIC_FILES).permitAll()
                .requestMatchers(HttpMethod.HEAD, PUBLIC_FILES).permitAll();
    }

    @Bean
    public FilterRegistrationBean<PageHeaders> dashboardPageHeaders() {
        FilterRegistrationBean<PageHeaders> registration = new FilterRegistrationBean<>(new PageHeaders());
        registration.addUrlPatterns(PAGE, PAGE + "/*", "/webjars/*");
        return registration;
    }

    /**
     * The page's security headers, and "no-cache" for its files: the browser keeps them but asks each time whether
     * they changed (a 304 when not), so a new version of the page or the library is picked up at once. (Without a
     * Cache-Control of their own, Spring Security would answer "no-store" and the library would be downloaded on
     * every visit.)
     */
    static final class PageHeaders extends OncePerRequestFilter {

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            response.setHeader(HttpHeaders.CACHE_CONTROL, "no-cache");
            if (request.getRequestURI().startsWith(PAGE)) {
                response.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
                response.setHeader("Referrer-Policy", "no-referrer");
                response.setHeader("Cross-Origin-Opener-Policy", "same-origin");
            }
            chain.doFilter(request, response);
        }
    }
}
