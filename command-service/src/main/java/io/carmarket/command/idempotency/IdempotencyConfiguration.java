package io.carmarket.command.idempotency;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.scheduling.annotation.Scheduled;

import java.time.Clock;

/**
 * {@code Idempotency-Key} on every command endpoint (SPEC 2.1 invariant 7): the records in MongoDB, the filter,
 * and the hourly pruning of expired records. (Scheduling is enabled by the identity configuration.)
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(IdempotencyProperties.class)
public class IdempotencyConfiguration {

    private static final Logger log = LoggerFactory.getLogger(IdempotencyConfiguration.class);

    /** Servlet filter order distance behind Spring Security's filter chain (which is at -100 unless configured). */
    private static final int AFTER_SECURITY = 100;

    @Bean
    IdempotencyRecords idempotencyRecords(MongoTemplate mongoTemplate, IdempotencyProperties properties) {
        return new IdempotencyRecords(mongoTemplate, properties);
    }

    /**
     * Behind the security filter chain, so that the user is known and a request refused there (401, 403) never
     * claims a key; its order follows {@code spring.security.filter.order}.
     */
    @Bean
    FilterRegistrationBean<IdempotencyKeyFilter> idempotencyKeyFilter(IdempotencyRecords records,
                                                                      IdempotencyProperties properties,
                                                                      ObjectMapper objectMapper, Clock clock,
                                                                      ObjectProvider<SecurityProperties> security) {
        int securityOrder = security.getIfAvailable(SecurityProperties::new).getFilter().getOrder();
        FilterRegistrationBean<IdempotencyKeyFilter> registration = new FilterRegistrationBean<>(
                new IdempotencyKeyFilter(records, properties, objectMapper, clock));
        registration.setOrder(securityOrder + AFTER_SECURITY);
        registration.addUrlPatterns("/api/v1/*");
        return registration;
    }

    @Bean
    IdempotencyRecordPruner idempotencyRecordPruner(IdempotencyRecords records, Clock clock) {
        return new IdempotencyRecordPruner(records, clock);
    }

    /** MongoDB 7 could expire records by a TTL index; the embedded server cannot, so both deployments prune. */
    record IdempotencyRecordPruner(IdempotencyRecords records, Clock clock) {

        @Scheduled(fixedDelayString = "${carmarket.idempotency.prune-interval:1h}",
                initialDelayString = "${carmarket.idempotency.prune-interval:1h}")
        public void pruneExpired() {
            long pruned = records.pruneExpired(clock.instant());
            if (pruned > 0) {
                log.info("Pruned {} expired idempotency records", pruned);
            }
        }
    }
}
