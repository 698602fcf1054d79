package io.carmarket.command.audit;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.carmarket.api.audit.AuditedEvent;
import io.carmarket.command.audit.AggregateEventReader.EventRun;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.serialization.Revision;
import org.springframework.stereotype.Service;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Answers an auditor's questions about one aggregate from its stored events alone: its history, its state at a
 * version or an instant, and what changed between two versions. Reads only: no command, no repository, no
 * snapshot, no cache, so nothing an auditor asks changes or locks anything.
 * <p>
 * A version is the sequence number of an event (from 0): the state at version N is the aggregate after applying
 * events 0 to N.
 */
@Service
class AggregateAudit {

    /** Fields that identify an element of a list in a state view, so a diff matches elements by them. */
    static final Set<String> IDENTITY_FIELDS = Set.of("bookingId", "reservationId");

    private static final TypeReference<Map<String, Object>> JSON_OBJECT = new TypeReference<>() {
    };

    private final AggregateEventReader reader;
    private final AuditableAggregateTypes types;
    private final ObjectMapper json;
    private final StateDiff stateDiff = new StateDiff(IDENTITY_FIELDS);

    AggregateAudit(AggregateEventReader reader, AuditableAggregateTypes types, ObjectMapper json) {
        this.reader = reader;
        this.types = types;
        this.json = json;
    }

    AggregateHistoryPage history(String aggregateId, long fromSequence, int limit) {
        EventRun page = reader.read(aggregateId, fromSequence, event -> true, limit);
        if (page.isEmpty()) {
            EventRun first = reader.read(aggregateId, 0, event -> true, 1);
            if (first.isEmpty()) {
                throw AuditRefusal.unknownAggregate(aggregateId);
            }
            return new AggregateHistoryPage(aggregateId, first.first().getType(), List.of(), null);
        }
        List<AuditedEvent> events = page.events().stream().map(this::audited).toList();
        Long nextSequence = page.next() == null ? null : page.next().getSequenceNumber();
        return new AggregateHistoryPage(aggregateId, page.first().getType(), events, nextSequence);
    }

    AggregateStateAnswer stateAtVersion(String aggregateId, long version) {
        EventRun applied = throughVersion(aggregateId, version);
        return stateAfter(aggregateId, applied.events());
    }

    AggregateStateAnswer stateAt(String aggregateId, Instant at) {
        EventRun applied = reader.readWhile(aggregateId, event -> !event.getTimestamp().isAfter(at));
        if (applied.isEmpty()) {
            if (applied.next() == null) {
                throw AuditRefusal.unknownAggregate(aggregateId);
            }
            throw AuditRefusal.notYetCreated(at, applied.next().getTimestamp());
        }
        return stateAfter(aggregateId, applied.events());
    }

    /** {@code from} is at most {@code to}; the controller sees to that. */
    AggregateDiffAnswer diff(String aggregateId, long from, long to) {
        List<DomainEventMessage<?>> events = throughVersion(aggregateId, to).events();
        List<DomainEventMessage<?>> untilFrom = events.subList(0, Math.toIntExact(from) + 1);
        AuditableAggregateType<?> type = auditableTypeOf(events.get(0));
        List<StateDiff.FieldChange> changes = stateDiff.between(
                json.valueToTree(stateOf(type, untilFrom)), json.valueToTree(stateOf(type, events)));
        List<AggregateDiffAnswer.AppliedEvent> between = events.subList(untilFrom.size(), events.size()).stream()
                .map(event -> new AggregateDiffAnswer.AppliedEvent(event.getSequenceNumber(), typeOf(event),
                        event.getTimestamp()))
                .toList();
        return new AggregateDiffAnswer(aggregateId, type.name(), versionOf(untilFrom), versionOf(events), changes,
                between);
    }

    private EventRun throughVersion(String aggregateId, long version) {
        EventRun applied = reader.readWhile(aggregateId, event -> event.getSequenceNumber() <= version);
        if (applied.isEmpty()) {
            throw AuditRefusal.unknownAggregate(aggregateId);
        }
        if (applied.last().getSequenceNumber() < version) {
            throw AuditRefusal.versionNotFound(version, applied.last().getSequenceNumber());
        }
        return applied;
    }

    private AggregateStateAnswer stateAfter(String aggregateId, List<DomainEventMessage<?>> events) {
        AuditableAggregateType<?> type = auditableTypeOf(events.get(0));
        DomainEventMessage<?> last = events.get(events.size() - 1);
        return new AggregateStateAnswer(aggregateId, type.name(), last.getSequenceNumber(), last.getTimestamp(),
                stateOf(type, events));
    }

    private AuditableAggregateType<?> auditableTypeOf(DomainEventMessage<?> firstEvent) {
        return types.named(firstEvent.getType())
                .filter(AuditableAggregateType::hasStateView)
                .orElseThrow(() -> AuditRefusal.noStateView(firstEvent.getType()));
    }

    private static Record stateOf(AuditableAggregateType<?> type, List<DomainEventMessage<?>> events) {
        return ((AuditedAggregate) AggregateRebuilder.rebuild(type, events)).state();
    }

    private static AggregateDiffAnswer.Version versionOf(List<DomainEventMessage<?>> events) {
        DomainEventMessage<?> last = events.get(events.size() - 1);
        return new AggregateDiffAnswer.Version(last.getSequenceNumber(), last.getTimestamp());
    }

    private AuditedEvent audited(DomainEventMessage<?> event) {
        Class<?> payloadType = event.getPayloadType();
        Revision revision = payloadType.getAnnotation(Revision.class);
        return new AuditedEvent(event.getIdentifier(), null, event.getType(), event.getAggregateIdentifier(),
                event.getSequenceNumber(), typeOf(event), revision == null ? null : revision.value(),
                event.getTimestamp(), json.convertValue(event.getPayload(), JSON_OBJECT),
                new LinkedHashMap<>(event.getMetaData()));
    }

    private static String typeOf(DomainEventMessage<?> event) {
        return event.getPayloadType().getSimpleName();
    }
}
