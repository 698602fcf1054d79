package io.carmarket.query;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The read side on its own, for the distributed deployment (events from Axon Server, read models in MongoDB). */
@SpringBootApplication
public class QueryServiceApplication {

    public static void main(String[] args) {
        // Axon 4.12.2 reads its update-check opt-out only from this system property (or env/file), not from
        // axon.update-check.disabled, and would otherwise call AxonIQ's servers from every start.
        System.getProperties().putIfAbsent("axoniq.update-checker.disabled", "true");
        SpringApplication.run(QueryServiceApplication.class, args);
    }
}
