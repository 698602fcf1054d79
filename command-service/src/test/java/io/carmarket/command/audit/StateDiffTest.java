package io.carmarket.command.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.carmarket.command.audit.StateDiff.Change;
import io.carmarket.command.audit.StateDiff.FieldChange;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class StateDiffTest {

    private final ObjectMapper json = new ObjectMapper();
    private final StateDiff diff = new StateDiff(Set.of("bookingId"));

    @Test
    void equal_states_have_no_changes() {
        assertThat(diff.between(tree("{'status':'LISTED','bookings':[{'bookingId':'b-1','status':'CONFIRMED'}]}"),
                tree("{'status':'LISTED','bookings':[{'bookingId':'b-1','status':'CONFIRMED'}]}"))).isEmpty();
    }

    @Test
    void a_changed_top_level_field_is_named_by_its_path_with_both_values() {
        assertThat(diff.between(tree("{'status':'LISTED','featured':false}"),
                tree("{'status':'RESERVED','featured':false}")))
                .containsExactly(new FieldChange("$.status", Change.CHANGED, tree("'LISTED'"), tree("'RESERVED'")));
    }

    @Test
    void nested_objects_are_compared_field_by_field() {
        assertThat(diff.between(tree("{'pricing':{'dailyRate':49.50,'askingPrice':null,'currency':'EUR'}}"),
                tree("{'pricing':{'dailyRate':55.00,'askingPrice':null,'currency':'EUR'}}")))
                .containsExactly(new FieldChange("$.pricing.dailyRate", Change.CHANGED, tree("49.50"),
                        tree("55.00")));
    }

    @Test
    void numbers_of_equal_value_are_equal_whatever_their_scale() {
        assertThat(diff.between(tree("{'dailyRate':49.5}"), tree("{'dailyRate':49.50}"))).isEmpty();
    }

    @Test
    void an_object_appearing_where_there_was_null_is_one_change_of_the_whole_value() {
        assertThat(diff.between(tree("{'purchaseReservation':null}"),
                tree("{'purchaseReservation':{'reservationId':'r-1','status':'PENDING'}}")))
                .containsExactly(new FieldChange("$.purchaseReservation", Change.CHANGED, tree("null"),
                        tree("{'reservationId':'r-1','status':'PENDING'}")));
    }

    @Test
    void a_field_missing_on_one_side_counts_as_null() {
        assertThat(diff.between(tree("{'a':1}"), tree("{'a':1,'b':'new'}")))
                .containsExactly(new FieldChange("$.b", Change.CHANGED, tree("null"), tree("'new'")));
    }

    @Test
    void list_elements_with_an_identity_are_matched_by_it_not_by_position() {
        JsonNode before = tree("{'bookings':[{'bookingId':'b-1','startDate':'2026-06-12'},"
                + "{'bookingId':'b-2','startDate':'2026-06-20'}]}");
        JsonNode after = tree("{'bookings':[{'bookingId':'b-2','startDate':'2026-06-20'},"
                + "{'bookingId':'b-1','startDate':'2026-06-25'}]}");

        assertThat(diff.between(before, after)).containsExactly(new FieldChange(
                "$.bookings[?(@.bookingId=='b-1')].startDate", Change.CHANGED, tree("'2026-06-12'"),
                tree("'2026-06-25'")));
    }

    @Test
    void a_new_element_is_added_and_a_vanished_one_removed_each_as_a_whole() {
        JsonNode before = tree("{'bookings':[{'bookingId':'b-1','status':'CANCELLED'}]}");
        JsonNode after = tree("{'bookings':[{'bookingId':'b-2','status':'CONFIRMED'}]}");

        assertThat(diff.between(before, after)).containsExactly(
                new FieldChange("$.bookings[?(@.bookingId=='b-1')]", Change.REMOVED,
                        tree("{'bookingId':'b-1','status':'CANCELLED'}"), null),
                new FieldChange("$.bookings[?(@.bookingId=='b-2')]", Change.ADDED, null,
                        tree("{'bookingId':'b-2','status':'CONFIRMED'}")));
    }

    @Test
    void the_first_element_in_an_empty_list_is_added() {
        assertThat(diff.between(tree("{'bookings':[]}"), tree("{'bookings':[{'bookingId':'b-1'}]}")))
                .containsExactly(new FieldChange("$.bookings[?(@.bookingId=='b-1')]", Change.ADDED, null,
                        tree("{'bookingId':'b-1'}")));
    }

    @Test
    void a_list_without_an_identity_field_changes_as_a_whole() {
        JsonNode before = tree("{'peakWindows':[{'weekdays':['SATURDAY'],'from':null,'until':null}]}");
        JsonNode after = tree("{'peakWindows':[{'weekdays':['SUNDAY'],'from':null,'until':null}]}");

        assertThat(diff.between(before, after)).containsExactly(new FieldChange("$.peakWindows", Change.CHANGED,
                before.get("peakWindows"), after.get("peakWindows")));
    }

    @Test
    void a_list_whose_identities_repeat_changes_as_a_whole() {
        JsonNode before = tree("{'bookings':[{'bookingId':'b-1','n':1},{'bookingId':'b-1','n':2}]}");
        JsonNode after = tree("{'bookings':[{'bookingId':'b-1','n':1}]}");

        List<FieldChange> changes = diff.between(before, after);

        assertThat(changes).extracting(FieldChange::path, FieldChange::change)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("$.bookings", Change.CHANGED));
    }

    @Test
    void a_quote_in_an_identity_is_escaped_in_the_path() {
        JsonNode after = json.createObjectNode().set("bookings", json.createArrayNode()
                .add(json.createObjectNode().put("bookingId", "o'brien")));

        assertThat(diff.between(tree("{'bookings':[]}"), after))
                .extracting(FieldChange::path).containsExactly("$.bookings[?(@.bookingId=='o\\'brien')]");
    }

    /** JSON written with single quotes, for readability. */
    private JsonNode tree(String singleQuoted) {
        try {
            return json.readTree(singleQuoted.replace('\'', '"'));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(singleQuoted, e);
        }
    }
}
