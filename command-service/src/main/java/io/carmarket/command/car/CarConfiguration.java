package io.carmarket.command.car;

import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.Snapshotter;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The Car aggregate's settings: listing defaults, time limits, and snapshots every N events. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({CarListingDefaults.class, CarPolicy.class})
public class CarConfiguration {

    static final String SNAPSHOT_TRIGGER = "carSnapshotTrigger";

    /** A car with thousands of past bookings loads from its last snapshot plus at most N events. */
    @Bean(SNAPSHOT_TRIGGER)
    public SnapshotTriggerDefinition carSnapshotTrigger(Snapshotter snapshotter, CarPolicy policy) {
        return new EventCountSnapshotTriggerDefinition(snapshotter, policy.snapshotThreshold());
    }
}
