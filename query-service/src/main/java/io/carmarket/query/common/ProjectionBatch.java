package io.carmarket.query.common;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * The read-model writes of one batch of events, held until the batch's last event has been handled and then sent
 * to MongoDB together (docs/architecture.md D32): a replay writes each changed document once per batch, in one
 * bulk write per collection, instead of once or twice per event.
 * <p>
 * A processor's batch is one Axon unit of work. The processor's {@code ProjectionBatchInterceptor} begins the batch
 * at its first event and writes it after its last, still inside the unit of work: Axon stores the processor's
 * position when the unit of work commits, after these writes, so a crash in between repeats the batch (the writes are
 * idempotent) and never skips it. A handler called outside a unit of work (a test, a reset) writes at once.
 */
public final class ProjectionBatch {

    private static final String RESOURCE = ProjectionBatch.class.getName();

    /** The held writes of one read model in one batch. */
    public interface Writes {
        /** Sends the held writes to the store. */
        void write();
    }

    private final Map<Object, Writes> held = new LinkedHashMap<>();

    private ProjectionBatch() {
    }

    /** Begins the batch of {@code unitOfWork}: from now on its read-model writes are held. */
    public static void begin(UnitOfWork<?> unitOfWork) {
        unitOfWork.root().resources().putIfAbsent(RESOURCE, new ProjectionBatch());
    }

    /** Writes what the batch of {@code unitOfWork} holds, in the order the read models first wrote in it. */
    public static void end(UnitOfWork<?> unitOfWork) {
        ProjectionBatch batch = unitOfWork.root().getResource(RESOURCE);
        if (batch != null) {
            for (Writes writes : batch.held.values()) {
                writes.write();
            }
            batch.held.clear();
        }
    }

    /**
     * The batch this thread's event belongs to, or empty when no unit of work is active (the caller writes at once).
     *
     * @throws IllegalStateException when a unit of work is active but no batch was begun in it: its processor has
     *                               no {@code ProjectionBatchInterceptor}, and held writes would never be written
     */
    static Optional<ProjectionBatch> current() {
        if (!CurrentUnitOfWork.isStarted()) {
            return Optional.empty();
        }
        ProjectionBatch batch = CurrentUnitOfWork.get().root().getResource(RESOURCE);
        if (batch == null) {
            throw new IllegalStateException("An event is handled in a unit of work without a projection batch: "
                    + "register ProjectionBatchInterceptor for its processing group");
        }
        return Optional.of(batch);
    }

    /**
     * {@code first}, and in a processor's batch the aggregates of the batch's other events that {@code alreadyRead}
     * does not know: what a read model reads with one query when it first needs one of them (D32).
     */
    static Set<String> aggregatesToRead(String first, Predicate<String> alreadyRead) {
        Set<String> ids = new LinkedHashSet<>();
        ids.add(first);
        if (CurrentUnitOfWork.isStarted() && CurrentUnitOfWork.get().root() instanceof BatchingUnitOfWork<?> batch) {
            for (var message : batch.getMessages()) {
                if (message instanceof DomainEventMessage<?> event
                        && !alreadyRead.test(event.getAggregateIdentifier())) {
                    ids.add(event.getAggregateIdentifier());
                }
            }
        }
        return ids;
    }

    /** The writes {@code owner} holds in this batch, if it wrote in it. */
    Optional<Writes> heldBy(Object owner) {
        return Optional.ofNullable(held.get(owner));
    }

    /** The writes {@code owner} holds in this batch, created on its first write; they are written when it ends. */
    @SuppressWarnings("unchecked")
    <W extends Writes> W writesOf(Object owner, Supplier<W> create) {
        return (W) held.computeIfAbsent(owner, ignored -> create.get());
    }
}
