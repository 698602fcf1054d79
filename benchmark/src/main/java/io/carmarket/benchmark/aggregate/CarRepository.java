package io.carmarket.benchmark.aggregate;

import io.carmarket.benchmark.eventstore.StandaloneEventStorage;
import io.carmarket.command.car.Car;
import io.carmarket.command.car.CarPolicy;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.AggregateConfigurer;
import org.axonframework.config.Configuration;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.eventsourcing.AggregateSnapshotter;
import org.axonframework.eventsourcing.DefaultSnapshotterSpanFactory;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.SnapshotterSpanFactory;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.Repository;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The Car's repository as the standalone builds it, minus the aggregate cache: an Axon configuration with the Car
 * registered through {@link AggregateConfigurer#defaultConfiguration} (what Axon's Spring integration does for an
 * {@code @Aggregate}, so the lock factory, handler definitions and parameter resolution are Axon's own), the
 * standalone's embedded event store, and, when snapshotting, the production trigger and snapshotter of
 * {@code CarConfiguration}: an {@link EventCountSnapshotTriggerDefinition} with the standalone's
 * {@code carmarket.cars.policy.snapshot-threshold}, and an {@link AggregateSnapshotter} on a single thread of its
 * own. The {@code @Aggregate(cache = ...)} attribute is only read by Axon's Spring registrar, so no cache is in
 * front: every load reads the event store, which is what is measured.
 * <p>
 * The car's command handlers take a {@link Clock} and the {@link CarPolicy}; they are registered as components so
 * that Axon resolves those parameters as Spring resolves them from beans.
 */
final class CarRepository implements AutoCloseable {

    /** Axon prints a banner about its commercial console on every configuration start otherwise. */
    private static final String QUIET_AXONIQ_CONSOLE = "disable-axoniq-console-message";

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private final Configuration configuration;
    private final ExecutorService snapshotExecutor;
    private final TransactionManager transactionManager;

    private CarRepository(Configuration configuration, ExecutorService snapshotExecutor,
                          TransactionManager transactionManager) {
        this.configuration = configuration;
        this.snapshotExecutor = snapshotExecutor;
        this.transactionManager = transactionManager;
    }

    /** With the production snapshot trigger and snapshotter. */
    static CarRepository withSnapshots(StandaloneEventStorage storage) {
        return build(storage, true);
    }

    /** Without a snapshot trigger: what the standalone would be with snapshotting switched off. */
    static CarRepository withoutSnapshots(StandaloneEventStorage storage) {
        return build(storage, false);
    }

    /** The standalone's {@code carmarket.cars.policy}, bound as Spring Boot binds it. */
    static CarPolicy policy(StandaloneEventStorage storage) {
        return storage.settings().bind("carmarket.cars.policy", CarPolicy.class);
    }

    private static CarRepository build(StandaloneEventStorage storage, boolean snapshots) {
        System.setProperty(QUIET_AXONIQ_CONSOLE, "true");
        CarPolicy policy = policy(storage);
        ExecutorService snapshotExecutor = Executors.newSingleThreadExecutor(task -> {
            Thread thread = new Thread(task, "car-snapshots");
            thread.setDaemon(true);
            return thread;
        });
        AggregateConfigurer<Car> car = AggregateConfigurer.defaultConfiguration(Car.class);
        if (snapshots) {
            car.configureSnapshotTrigger(
                    c -> new EventCountSnapshotTriggerDefinition(c.snapshotter(), policy.snapshotThreshold()));
        }
        // false: no auto-located modules, i.e. none of the Axon Server connector's (axon.axonserver.enabled=false)
        Configuration configuration = DefaultConfigurer.defaultConfiguration(false)
                .registerComponent(Clock.class, c -> Clock.systemUTC())
                .registerComponent(CarPolicy.class, c -> policy)
                .configureSerializer(c -> storage.serializer())
                .configureMessageSerializer(c -> storage.serializer())
                .configureEventSerializer(c -> storage.serializer())
                .configureTransactionManager(c -> storage.transactionManager())
                .configureEmbeddedEventStore(c -> storage.storageEngine(c.upcasterChain(), c.snapshotFilter()))
                .configureSnapshotter(c -> AggregateSnapshotter.builder()
                        .repositoryProvider(c::repository)
                        .transactionManager(c.getComponent(TransactionManager.class))
                        .eventStore(c.eventStore())
                        .aggregateFactories(c.aggregateConfiguration(Car.class).aggregateFactory())
                        .parameterResolverFactory(c.parameterResolverFactory())
                        .handlerDefinition(c.handlerDefinition(Car.class))
                        .spanFactory(c.getComponent(SnapshotterSpanFactory.class,
                                () -> DefaultSnapshotterSpanFactory.builder().spanFactory(c.spanFactory()).build()))
                        .executor(snapshotExecutor)
                        .build())
                .configureAggregate(car)
                .start();
        return new CarRepository(configuration, snapshotExecutor, storage.transactionManager());
    }

    Repository<Car> repository() {
        return configuration.repository(Car.class);
    }

    /**
     * Nanoseconds of one {@code repository.load}: elapsed, and on the loading thread's CPU. The load runs entirely
     * in the calling thread (embedded H2 included), so elapsed well above CPU time is time the thread did not run:
     * other processes on the machine, or a GC pause.
     */
    record LoadTime(long elapsedNanos, long cpuNanos) {
    }

    /**
     * Loads the car the way a command handler's unit of work does (the command bus attaches the JDBC transaction
     * before the handler runs), passes it to {@code inspect}, and rolls back. Times {@code repository.load} alone.
     */
    LoadTime load(String carId, Consumer<Aggregate<Car>> inspect) {
        DefaultUnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(null);
        try {
            unitOfWork.attachTransaction(transactionManager);
            long cpuStart = THREADS.getCurrentThreadCpuTime();
            long start = System.nanoTime();
            Aggregate<Car> car = repository().load(carId);
            long elapsed = System.nanoTime() - start;
            long cpu = THREADS.getCurrentThreadCpuTime() - cpuStart;
            inspect.accept(car);
            return new LoadTime(elapsed, cpu);
        } finally {
            unitOfWork.rollback();
        }
    }

    /** Waits until every snapshot scheduled so far has been taken (the executor runs them in order). */
    void awaitSnapshots() throws Exception {
        snapshotExecutor.submit(() -> {
        }).get(1, TimeUnit.MINUTES);
    }

    @Override
    public void close() {
        configuration.shutdown();
        snapshotExecutor.shutdownNow();
    }
}
