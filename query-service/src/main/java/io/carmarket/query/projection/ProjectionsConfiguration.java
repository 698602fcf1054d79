package io.carmarket.query.projection;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The projections' monitor, rebuilds and instance heartbeat run on Spring's scheduler. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@EnableConfigurationProperties(ProjectionsProperties.class)
public class ProjectionsConfiguration {
}
