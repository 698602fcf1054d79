package io.carmarket.query.audit;

import io.carmarket.query.EmbeddedMongo;
import io.carmarket.query.common.WebEdge;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import static io.carmarket.query.audit.AuditEvents.JSON;
import static io.carmarket.query.audit.AuditEvents.carEvent;
import static io.carmarket.query.audit.AuditEvents.position;
import static io.carmarket.query.common.TestEvents.booked;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The audit endpoints' answers and their refusal of bad input (roles are checked end to end). */
class AuditLogControllerTest {

    @RegisterExtension
    static final EmbeddedMongo mongo = new EmbeddedMongo();

    private MockMvc mvc;

    @BeforeEach
    void logOfThreeBookings() {
        MongoTemplate mongoTemplate = mongo.template();
        mongoTemplate.remove(new Query(), AuditLogEntry.class);
        mongoTemplate.remove(new Query(), AuditLogKeys.class);
        AuditLogProjection projection = new AuditLogProjection(mongoTemplate, JSON);
        for (int i = 1; i <= 3; i++) {
            var booking = booked("car-1", "b-" + i, "user-" + i, i, i + 1);
            projection.on(booking, carEvent(booking, "car-1", i, i, "user-" + i, i < 3 ? "corr-a" : "corr-b"),
                    position(i));
        }
        mvc = WebEdge.of(new AuditLogController(new AuditLog(mongoTemplate, JSON), JSON));
    }

    @Test
    void a_page_lists_audited_events_and_the_cursor_of_the_next_page() throws Exception {
        MvcResult first = mvc.perform(get("/api/v1/audit/events?limit=2&type=CarBooked"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items", hasSize(2)))
                .andExpect(jsonPath("$.items[0].globalIndex").value(1))
                .andExpect(jsonPath("$.items[0].type").value("CarBooked"))
                .andExpect(jsonPath("$.items[0].payload.bookingId").value("b-1"))
                .andExpect(jsonPath("$.items[0].metadata.userId").value("user-1"))
                .andReturn();
        String cursor = JSON.readTree(first.getResponse().getContentAsString()).get("nextCursor").asText();

        mvc.perform(get("/api/v1/audit/events?limit=2&type=CarBooked&cursor=" + cursor))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items", hasSize(1)))
                .andExpect(jsonPath("$.items[0].globalIndex").value(3))
                .andExpect(jsonPath("$.nextCursor").value(nullValue()));
    }

    @Test
    void an_unknown_parameter_is_refused_by_name_never_ignored() throws Exception {
        mvc.perform(get("/api/v1/audit/events?userId=user-1"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("VALIDATION_FAILED"))
                .andExpect(jsonPath("$.errors.userId[0]").exists());
    }

    @Test
    void a_single_valued_filter_given_twice_is_refused() throws Exception {
        mvc.perform(get("/api/v1/audit/events?user=user-1&user=user-2"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.user[0]").value("must appear only once"));
    }

    @ParameterizedTest(name = "{0} -> 400 naming {1}")
    @CsvSource(delimiter = '|', value = {
            "limit=0 | limit",
            "limit=501 | limit",
            "limit=abc | limit",
            "from=yesterday | from",
            "to=2026-13-01T00:00:00Z | to",
            "from=2026-12-02T00:00:00Z&to=2026-12-01T00:00:00Z | to",
            "from=2026-12-01T00:00:00Z&to=2026-12-01T00:00:00Z | to",
            "cursor=not-a-cursor! | cursor",
            "cursor=Z2FyYmFnZQ | cursor",
            "type= | type",
            "type=Car%20Booked | type",
            "aggregateType=io.carmarket.Car | aggregateType",
            "user= | user",
            "aggregateId= | aggregateId",
            "limit= | limit",
    })
    void a_bad_value_is_a_400_naming_the_parameter(String query, String parameter) throws Exception {
        mvc.perform(get("/api/v1/audit/events?" + query))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors." + parameter).exists());
    }

    @Test
    void a_forged_cursor_with_a_negative_index_is_refused() throws Exception {
        String forged = Base64.getUrlEncoder().withoutPadding()
                .encodeToString("audit-log:-5".getBytes(StandardCharsets.UTF_8));

        mvc.perform(get("/api/v1/audit/events?cursor=" + forged))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.cursor").exists());
    }

    @Test
    void ndjson_streams_one_audited_event_per_line() throws Exception {
        MvcResult started = mvc.perform(get("/api/v1/audit/events?correlationId=corr-a")
                        .accept(AuditLogController.NDJSON))
                .andExpect(request().asyncStarted()).andReturn();

        MvcResult done = mvc.perform(asyncDispatch(started)).andExpect(status().isOk()).andReturn();

        assertThat(done.getResponse().getContentType()).startsWith(AuditLogController.NDJSON);
        String[] lines = done.getResponse().getContentAsString().split("\n");
        assertThat(lines).hasSize(2);
        assertThat(JSON.readTree(lines[0]).get("globalIndex").asLong()).isEqualTo(1);
        assertThat(JSON.readTree(lines[1]).get("payload").get("bookingId").asText()).isEqualTo("b-2");
    }

    @Test
    void a_bad_parameter_of_the_stream_is_a_problem_before_any_line() throws Exception {
        mvc.perform(get("/api/v1/audit/events?limit=0").accept(AuditLogController.NDJSON))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors.limit").exists());
    }

    @Test
    void a_correlation_lists_its_events_in_global_order() throws Exception {
        mvc.perform(get("/api/v1/audit/correlations/corr-a"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[*].globalIndex").value(org.hamcrest.Matchers.contains(1, 2)))
                .andExpect(jsonPath("$.nextCursor").value(nullValue()));
    }

    @Test
    void an_unknown_correlation_is_a_404_problem() throws Exception {
        mvc.perform(get("/api/v1/audit/correlations/corr-none"))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("CORRELATION_NOT_FOUND"));
    }

    @Test
    void a_correlation_takes_no_filters() throws Exception {
        mvc.perform(get("/api/v1/audit/correlations/corr-a?type=CarBooked"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.type").exists());
    }
}
