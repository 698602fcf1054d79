package io.carmarket.command.car;

import org.axonframework.common.caching.Cache;
import org.axonframework.common.caching.WeakReferenceCache;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.Configuration;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.Snapshotter;
import org.axonframework.eventsourcing.SnapshotterSpanFactory;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.annotation.HandlerDefinition;
import org.axonframework.messaging.annotation.ParameterResolverFactory;
import org.axonframework.spring.eventsourcing.SpringAggregateSnapshotter;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** The Car aggregate's settings: listing defaults, time limits, and snapshots every N events. */
@org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({CarListingDefaults.class, CarPolicy.class})
public class CarConfiguration {

    static final String SNAPSHOT_TRIGGER = "carSnapshotTrigger";
    static final String CACHE = "carCache";

    /**
     * Recently used cars stay in memory between commands, so a busy car is not rebuilt from the event store for
     * every command. Safe because all commands of one car are handled by one instance at a time (in-JVM locking in
     * the standalone; Axon Server routes by aggregate id in the distributed deployment). Entries go when memory is
     * needed (weak references).
     */
    @Bean(CACHE)
    public Cache carCache() {
        return new WeakReferenceCache();
    }

    /** A car with thousands of past bookings loads from its last snapshot plus at most N events. */
    @Bean(SNAPSHOT_TRIGGER)
    public SnapshotTriggerDefinition carSnapshotTrigger(Snapshotter snapshotter, CarPolicy policy) {
        return new EventCountSnapshotTriggerDefinition(snapshotter, policy.snapshotThreshold());
    }

    /**
     * Snapshots are taken on a thread of their own. Axon's default takes them in the thread that committed the
     * command, while it still holds the aggregate's lock; the commands queued behind that lock each hold a pooled
     * database connection, so under load the snapshot waited for a connection that only the lock's release could
     * free, and a busy car stalled after its 100th event (found by the benchmark, see docs/benchmarks.md).
     */
    @Bean(destroyMethod = "shutdown")
    public ExecutorService snapshotExecutor() {
        return Executors.newSingleThreadExecutor(task -> {
            Thread thread = new Thread(task, "car-snapshots");
            thread.setDaemon(true);
            return thread;
        });
    }

    @Bean
    public SpringAggregateSnapshotter aggregateSnapshotter(Configuration configuration,
                                                           HandlerDefinition handlerDefinition,
                                                           ParameterResolverFactory parameterResolverFactory,
                                                           EventStore eventStore,
                                                           TransactionManager transactionManager,
                                                           SnapshotterSpanFactory spanFactory,
                                                           ExecutorService snapshotExecutor) {
        return SpringAggregateSnapshotter.builder()
                .repositoryProvider(configuration::repository)
                .transactionManager(transactionManager)
                .eventStore(eventStore)
                .parameterResolverFactory(parameterResolverFactory)
                .handlerDefinition(handlerDefinition)
                .spanFactory(spanFactory)
                .executor(snapshotExecutor)
                .build();
    }
}
