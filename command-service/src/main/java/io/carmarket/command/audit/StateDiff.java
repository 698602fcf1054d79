package io.carmarket.command.audit;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What changed between two JSON states, field by field, each change named by a JSONPath.
 * <ul>
 *   <li>Objects are compared field by field, however deep ({@code $.pricing.dailyRate}); a field missing on one
 *       side counts as null.</li>
 *   <li>A list whose elements are objects that all carry one of the identity fields (such as {@code bookingId})
 *       is compared element by element, matched by that id, never by position
 *       ({@code $.bookings[?(@.bookingId=='b-1')].endDate}); an element only in the later state is
 *       {@link Change#ADDED}, one only in the earlier state {@link Change#REMOVED}.</li>
 *   <li>Any other list, and any scalar, is one value: when it differs, it is {@link Change#CHANGED} with the whole
 *       before and after values.</li>
 *   <li>Numbers are equal when their values are ({@code 49.5} equals {@code 49.50}).</li>
 * </ul>
 */
public final class StateDiff {

    private static final String ROOT = "$";
    private static final Comparator<JsonNode> SAME_VALUE = (left, right) -> {
        if (left.isNumber() && right.isNumber()) {
            return left.decimalValue().compareTo(right.decimalValue());
        }
        return left.equals(right) ? 0 : 1;
    };

    private final Set<String> identityFields;

    /** @param identityFields the fields that identify an element of a list, tried in this order */
    public StateDiff(Set<String> identityFields) {
        this.identityFields = new LinkedHashSet<>(identityFields);
    }

    /** The kinds of change. */
    public enum Change { ADDED, REMOVED, CHANGED }

    /**
     * One change.
     *
     * @param path   where, as a JSONPath from the state's root
     * @param change what happened there
     * @param before the value before; null for an added element
     * @param after  the value after; null for a removed element
     */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record FieldChange(String path, Change change, JsonNode before, JsonNode after) {
    }

    /** The changes that turn {@code before} into {@code after}, in the order of the fields. */
    public List<FieldChange> between(JsonNode before, JsonNode after) {
        List<FieldChange> changes = new ArrayList<>();
        compare(ROOT, orNull(before), orNull(after), changes);
        return changes;
    }

    private void compare(String path, JsonNode before, JsonNode after, List<FieldChange> changes) {
        if (before.equals(SAME_VALUE, after)) {
            return;
        }
        if (before.isObject() && after.isObject()) {
            compareFields(path, before, after, changes);
            return;
        }
        if (before.isArray() && after.isArray()) {
            Optional<String> identity = identityOf(before, after);
            if (identity.isPresent()) {
                compareElements(path, identity.get(), before, after, changes);
                return;
            }
        }
        changes.add(new FieldChange(path, Change.CHANGED, before, after));
    }

    private void compareFields(String path, JsonNode before, JsonNode after, List<FieldChange> changes) {
        Set<String> names = new LinkedHashSet<>();
        before.fieldNames().forEachRemaining(names::add);
        after.fieldNames().forEachRemaining(names::add);
        for (String name : names) {
            compare(path + "." + name, orNull(before.get(name)), orNull(after.get(name)), changes);
        }
    }

    private void compareElements(String path, String identity, JsonNode before, JsonNode after,
                                 List<FieldChange> changes) {
        Map<String, JsonNode> earlier = byIdentity(before, identity);
        Map<String, JsonNode> later = byIdentity(after, identity);
        earlier.forEach((id, element) -> {
            String elementPath = path + "[?(@." + identity + "=='" + id.replace("'", "\\'") + "')]";
            JsonNode counterpart = later.get(id);
            if (counterpart == null) {
                changes.add(new FieldChange(elementPath, Change.REMOVED, element, null));
            } else {
                compare(elementPath, element, counterpart, changes);
            }
        });
        later.forEach((id, element) -> {
            if (!earlier.containsKey(id)) {
                String elementPath = path + "[?(@." + identity + "=='" + id.replace("'", "\\'") + "')]";
                changes.add(new FieldChange(elementPath, Change.ADDED, null, element));
            }
        });
    }

    /** The identity field every element of both lists carries, unique within each list; empty if there is none. */
    private Optional<String> identityOf(JsonNode before, JsonNode after) {
        if (before.isEmpty() && after.isEmpty()) {
            return Optional.empty();
        }
        return identityFields.stream()
                .filter(field -> identifiesEach(before, field) && identifiesEach(after, field))
                .findFirst();
    }

    private static boolean identifiesEach(JsonNode list, String field) {
        Set<String> seen = new LinkedHashSet<>();
        for (Iterator<JsonNode> elements = list.elements(); elements.hasNext(); ) {
            JsonNode element = elements.next();
            JsonNode id = element.isObject() ? element.get(field) : null;
            if (id == null || !id.isValueNode() || id.isNull() || !seen.add(id.asText())) {
                return false;
            }
        }
        return true;
    }

    private static Map<String, JsonNode> byIdentity(JsonNode list, String identity) {
        Map<String, JsonNode> elements = new LinkedHashMap<>();
        list.elements().forEachRemaining(element -> elements.put(element.get(identity).asText(), element));
        return elements;
    }

    private static JsonNode orNull(JsonNode node) {
        return node == null || node.isMissingNode() ? NullNode.getInstance() : node;
    }
}
