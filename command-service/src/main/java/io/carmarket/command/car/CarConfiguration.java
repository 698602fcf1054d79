package io.carmarket.command.car;

import com.github.benmanes.caffeine.jcache.configuration.CaffeineConfiguration;
import com.github.benmanes.caffeine.jcache.spi.CaffeineCachingProvider;
import org.axonframework.common.caching.Cache;
import org.axonframework.common.caching.JCacheAdapter;
import org.axonframework.common.lock.PessimisticLockFactory;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.Configuration;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.EventSourcingRepository;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.Snapshotter;
import org.axonframework.eventsourcing.SnapshotterSpanFactory;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.annotation.HandlerDefinition;
import org.axonframework.messaging.annotation.ParameterResolverFactory;
import org.axonframework.modelling.command.Repository;
import org.axonframework.spring.eventsourcing.SpringAggregateSnapshotter;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

import javax.cache.CacheManager;
import javax.cache.Caching;
import java.net.URI;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** The Car aggregate's settings: listing defaults, time limits, and snapshots every N events. */
@org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({CarListingDefaults.class, CarPolicy.class})
public class CarConfiguration {

    static final String SNAPSHOT_TRIGGER = "carSnapshotTrigger";
    static final String CACHE = "carCache";
    static final String REPOSITORY = "carRepository";

    /**
     * How a command waits for its car's lock: in attempts of one second, at most a minute in all (Axon's default
     * total). Axon's default attempt of 10 ms made every waiting command wake up a hundred times a second for a
     * deadlock check; with 64 clients on one car that was tens of thousands of wake-ups a second (benchmark,
     * docs/benchmarks.md). A released lock is handed to a waiter at once either way.
     */
    private static final int LOCK_ATTEMPT_MILLIS = 1_000;
    private static final int LOCK_ATTEMPTS = 60;

    /**
     * Recently used cars stay in memory between commands, so a busy car is not rebuilt from the event store for
     * every command. Safe because all commands of one car are handled by one instance at a time (in-JVM locking in
     * the standalone; Axon Server routes by aggregate id in the distributed deployment). Bounded to the most recently
     * used cars ({@code carmarket.cars.policy.cached-cars}), held strongly: Axon's {@code WeakReferenceCache} lost
     * its entries at every garbage collection, and busy cars were rebuilt again and again (a quarter of the request
     * threads' CPU under the booking load, issue 12). Cars are kept by reference, never copied.
     */
    @Bean(CACHE)
    public Cache carCache(CacheManager carCacheManager, CarPolicy policy) {
        CaffeineConfiguration<Object, Object> configuration = new CaffeineConfiguration<>();
        configuration.setMaximumSize(OptionalLong.of(policy.cachedCars()));
        configuration.setStoreByValue(false);
        return new JCacheAdapter(carCacheManager.createCache(CACHE, configuration));
    }

    /** Its own JCache manager per application context, closed with it (tests start several in one JVM). */
    @Bean(destroyMethod = "close")
    CacheManager carCacheManager() {
        return Caching.getCachingProvider(CaffeineCachingProvider.class.getName())
                .getCacheManager(URI.create("carmarket-cars-" + UUID.randomUUID()), getClass().getClassLoader());
    }

    /** The Car's repository: Axon's event-sourcing repository with the cache, snapshots and lock waits above. */
    @Bean(REPOSITORY)
    public Repository<Car> carRepository(EventStore eventStore,
                                         @Qualifier(CACHE) Cache carCache,
                                         @Qualifier(SNAPSHOT_TRIGGER) SnapshotTriggerDefinition carSnapshotTrigger,
                                         ParameterResolverFactory parameterResolverFactory,
                                         HandlerDefinition handlerDefinition) {
        return EventSourcingRepository.builder(Car.class)
                .eventStore(eventStore)
                .cache(carCache)
                .snapshotTriggerDefinition(carSnapshotTrigger)
                .parameterResolverFactory(parameterResolverFactory)
                .handlerDefinition(handlerDefinition)
                .lockFactory(PessimisticLockFactory.builder()
                        .lockAttemptTimeout(LOCK_ATTEMPT_MILLIS)
                        .acquireAttempts(LOCK_ATTEMPTS)
                        .build())
                .build();
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
