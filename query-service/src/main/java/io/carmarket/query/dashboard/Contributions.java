package io.carmarket.query.dashboard;

import org.springframework.data.mongodb.core.query.Update;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What one fact (a car, a booking, a negotiation...) in one state adds to the dashboards: counts it adds to, and
 * entries it owns (a line in a list, keyed by the fact's id). An event moves a fact from one state to the next;
 * {@link #changesFrom} turns the two states' contributions into the updates of each dashboard document, so every
 * figure is the sum of the contributions of the facts as they are now.
 */
final class Contributions {

    /** One dashboard document: a collection and an id. */
    record Target(String collection, String id) {
    }

    static final Contributions NONE = new Contributions();

    private final Map<Target, Map<String, Long>> counts = new LinkedHashMap<>();
    private final Map<Target, Map<String, Object>> entries = new LinkedHashMap<>();

    Contributions count(Target target, String field) {
        return add(target, field, 1);
    }

    Contributions add(Target target, String field, long amount) {
        counts.computeIfAbsent(target, ignored -> new LinkedHashMap<>()).merge(field, amount, Long::sum);
        return this;
    }

    /** A field this fact alone owns, such as its line in a list. */
    Contributions entry(Target target, String field, Object value) {
        entries.computeIfAbsent(target, ignored -> new LinkedHashMap<>()).put(field, value);
        return this;
    }

    /** Both together: what two facts changed by one event add up to. */
    Contributions plus(Contributions other) {
        Contributions sum = new Contributions();
        for (Contributions part : List.of(this, other)) {
            part.counts.forEach((target, fields) -> fields.forEach((field, amount) -> sum.add(target, field, amount)));
            part.entries.forEach((target, fields) -> fields.forEach((field, value) -> sum.entry(target, field, value)));
        }
        return sum;
    }

    /**
     * The update of each document whose figures differ between {@code before} and {@code after}: counts by their
     * difference, entries set when new or changed and removed when gone.
     */
    static Map<Target, Update> changesFrom(Contributions before, Contributions after) {
        Set<Target> targets = new LinkedHashSet<>();
        targets.addAll(before.counts.keySet());
        targets.addAll(before.entries.keySet());
        targets.addAll(after.counts.keySet());
        targets.addAll(after.entries.keySet());
        Map<Target, Update> changes = new LinkedHashMap<>();
        for (Target target : targets) {
            Update update = new Update();
            boolean changed = countChanges(before.countsOf(target), after.countsOf(target), update);
            changed |= entryChanges(before.entriesOf(target), after.entriesOf(target), update);
            if (changed) {
                changes.put(target, update);
            }
        }
        return changes;
    }

    private static boolean countChanges(Map<String, Long> before, Map<String, Long> after, Update update) {
        Set<String> fields = new LinkedHashSet<>(before.keySet());
        fields.addAll(after.keySet());
        boolean changed = false;
        for (String field : fields) {
            long difference = after.getOrDefault(field, 0L) - before.getOrDefault(field, 0L);
            if (difference != 0) {
                update.inc(field, difference);
                changed = true;
            }
        }
        return changed;
    }

    private static boolean entryChanges(Map<String, Object> before, Map<String, Object> after, Update update) {
        boolean changed = false;
        for (Map.Entry<String, Object> entry : after.entrySet()) {
            if (!Objects.equals(before.get(entry.getKey()), entry.getValue())) {
                update.set(entry.getKey(), entry.getValue());
                changed = true;
            }
        }
        for (String field : before.keySet()) {
            if (!after.containsKey(field)) {
                update.unset(field);
                changed = true;
            }
        }
        return changed;
    }

    private Map<String, Long> countsOf(Target target) {
        return counts.getOrDefault(target, Map.of());
    }

    private Map<String, Object> entriesOf(Target target) {
        return entries.getOrDefault(target, Map.of());
    }
}
