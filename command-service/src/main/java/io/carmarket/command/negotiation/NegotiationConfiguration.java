package io.carmarket.command.negotiation;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(NegotiationPolicy.class)
public class NegotiationConfiguration {
}
