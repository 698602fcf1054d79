package io.carmarket.query.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.web.filter.ShallowEtagHeaderFilter;

import java.io.IOException;
import java.util.List;

/**
 * Conditional GETs on the read API: every read answers with an {@code ETag} computed from the body it sends, and a
 * request whose {@code If-None-Match} names it gets {@code 304 Not Modified} without the body. A write that changes
 * what a read shows changes its body, so its ETag. The read is still done (the saving is the transfer, and the
 * client's or a cache's work), which keeps the ETag exact without a version per read model.
 * <p>
 * Reads must say that they may be kept and revalidated: otherwise Spring Security answers {@code no-store}, and
 * Spring's ETag filter leaves such answers alone. An answer for a signed-in caller is {@code private} (no shared
 * cache keeps it) and varies with the {@code Authorization} header; public reads may be kept by any cache. Both are
 * {@code no-cache}: reused only after a revalidation. Streams (Server-Sent Events, NDJSON exports) are not buffered
 * and get no ETag.
 */
@Configuration(proxyBeanMethods = false)
public class ConditionalReads {

    static final String READS = "/api/v1/*";
    static final String PRIVATE_REVALIDATED = "private, no-cache";
    static final String REVALIDATED = "no-cache";
    /** Answers written as they happen, never buffered whole. */
    private static final List<String> STREAMED_TYPES = List.of("text/event-stream", "application/x-ndjson");
    private static final String STREAM_SUFFIX = "/stream";

    /** Outside Spring Security's filters, so that the Cache-Control set here is in place when they look for one. */
    @Bean
    public FilterRegistrationBean<ReadEtags> conditionalReadsFilter() {
        FilterRegistrationBean<ReadEtags> registration = new FilterRegistrationBean<>(new ReadEtags());
        registration.addUrlPatterns(READS);
        registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER - 1);
        return registration;
    }

    static final class ReadEtags extends ShallowEtagHeaderFilter {

        @Override
        protected boolean shouldNotFilter(HttpServletRequest request) {
            return !HttpMethod.GET.matches(request.getMethod()) || isStreamed(request);
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            if (request.getHeader(HttpHeaders.AUTHORIZATION) != null) {
                response.setHeader(HttpHeaders.CACHE_CONTROL, PRIVATE_REVALIDATED);
                response.addHeader(HttpHeaders.VARY, HttpHeaders.AUTHORIZATION);
            } else {
                response.setHeader(HttpHeaders.CACHE_CONTROL, REVALIDATED);
            }
            super.doFilterInternal(request, response, chain);
        }

        private static boolean isStreamed(HttpServletRequest request) {
            if (request.getRequestURI().endsWith(STREAM_SUFFIX)) {
                return true;
            }
            String accept = request.getHeader(HttpHeaders.ACCEPT);
            return accept != null && STREAMED_TYPES.stream().anyMatch(accept::contains);
        }
    }
}
