package io.carmarket.command.car;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(CarListingDefaults.class)
public class CarCommandConfiguration {
}
