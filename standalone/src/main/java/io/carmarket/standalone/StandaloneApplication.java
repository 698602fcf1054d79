package io.carmarket.standalone;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.TypeExcludeFilter;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;

/**
 * CarMarket in one JVM: the command side and the query side of the services, on an embedded Axon event store
 * (JDBC on an H2 file) and an embedded MongoDB-wire server (H2 MVStore file). No Docker, no servers.
 * <p>
 * It scans the two services' packages but not their own application classes, which belong to the distributed
 * deployment.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@ConfigurationPropertiesScan
@ComponentScan(
        basePackages = {"io.carmarket.standalone", "io.carmarket.command", "io.carmarket.query"},
        excludeFilters = {
                @ComponentScan.Filter(type = FilterType.ANNOTATION, classes = SpringBootApplication.class),
                @ComponentScan.Filter(type = FilterType.CUSTOM, classes = TypeExcludeFilter.class)})
public class StandaloneApplication {

    public static void main(String[] args) {
        // Axon 4.12.2 reads its update-check opt-out only from this system property (or env/file), not from
        // axon.update-check.disabled, and would otherwise call AxonIQ's servers from every start.
        System.getProperties().putIfAbsent("axoniq.update-checker.disabled", "true");
        SpringApplication.run(StandaloneApplication.class, args);
    }
}
