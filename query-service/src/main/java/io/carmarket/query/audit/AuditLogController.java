package io.carmarket.query.audit;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import io.carmarket.api.audit.AuditedEvent;
import io.carmarket.support.web.ApiProblems;
import io.carmarket.support.web.InvalidParameterException;
import io.carmarket.support.web.QueryParameters;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The global audit log and the events of one business transaction, for auditors and admins
 * ({@code QueryEndpointRoles}). Read-only. Pages are in global order, oldest first, with keyset cursors
 * ({@link AuditLogCursor}); the same log also streams as NDJSON.
 * <p>
 * The JSON page has no {@code produces}, so it answers {@code Accept: *}{@code /*} and JSON; the stream is chosen
 * only by a client that names {@value #NDJSON}.
 */
@RestController
@RequestMapping("/api/v1/audit")
public class AuditLogController {

    static final String NDJSON = "application/x-ndjson";
    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 500;
    /** Ids of users, aggregates and correlations: UUIDs here; a client's X-Correlation-Id may be longer. */
    private static final int MAX_ID_LENGTH = 200;
    private static final int MAX_TYPES = 50;
    /** A simple Java class name, as the log stores event and aggregate types. */
    private static final Pattern SIMPLE_NAME = Pattern.compile("[A-Za-z_$][A-Za-z0-9_$]{0,199}");

    private static final String TYPE = "type";
    private static final String AGGREGATE_TYPE = "aggregateType";
    private static final String AGGREGATE_ID = "aggregateId";
    private static final String USER = "user";
    private static final String CORRELATION_ID = "correlationId";
    private static final String FROM = "from";
    private static final String TO = "to";
    private static final String LIMIT = "limit";
    private static final String CURSOR = "cursor";

    private static final QueryParameters EVENTS_PARAMETERS = new QueryParameters(
            Set.of(TYPE, AGGREGATE_TYPE, AGGREGATE_ID, USER, CORRELATION_ID, FROM, TO, LIMIT, CURSOR), Set.of(TYPE));
    private static final QueryParameters CORRELATION_PARAMETERS = new QueryParameters(Set.of(LIMIT, CURSOR), Set.of());

    private final AuditLog auditLog;
    private final ObjectWriter jsonLine;

    public AuditLogController(AuditLog auditLog, ObjectMapper objectMapper) {
        this.auditLog = auditLog;
        // Jackson would close the response stream after the first line.
        this.jsonLine = objectMapper.writerFor(AuditedEvent.class).without(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
    }

    /**
     * A page of the global log.
     *
     * @param from stored at or after this instant (inclusive)
     * @param to   stored before this instant (exclusive); after {@code from}
     */
    @GetMapping("/events")
    public AuditLog.Page events(
            HttpServletRequest request,
            @RequestParam(name = TYPE, required = false) List<String> types,
            @RequestParam(required = false) @Size(max = MAX_ID_LENGTH) String aggregateType,
            @RequestParam(required = false) @Size(max = MAX_ID_LENGTH) String aggregateId,
            @RequestParam(required = false) @Size(max = MAX_ID_LENGTH) String user,
            @RequestParam(required = false) @Size(max = MAX_ID_LENGTH) String correlationId,
            @RequestParam(required = false) Instant from,
            @RequestParam(required = false) Instant to,
            @RequestParam(required = false) String cursor,
            @RequestParam(defaultValue = "" + DEFAULT_LIMIT) @Min(1) @Max(MAX_LIMIT) int limit) {
        EVENTS_PARAMETERS.check(request.getParameterMap());
        AuditLogFilter filter = filter(types, aggregateType, aggregateId, user, correlationId, from, to);
        return auditLog.page(filter, AuditLogCursor.parameter(cursor), limit);
    }

    /**
     * The same log as one JSON object per line, every matching event from the cursor on (at most {@code limit} when
     * given), written while it is read. The parameters are checked before the first byte, so a bad one is still a
     * problem+json 400; a failure after the first line can only cut the stream short (it is logged).
     */
    @GetMapping(path = "/events", produces = NDJSON)
    public ResponseEntity<StreamingResponseBody> eventStream(
            HttpServletRequest request,
            @RequestParam(name = TYPE, required = false) List<String> types,
            @RequestParam(required = false) @Size(max = MAX_ID_LENGTH) String aggregateType,
            @RequestParam(required = false) @Size(max = MAX_ID_LENGTH) String aggregateId,
            @RequestParam(required = false) @Size(max = MAX_ID_LENGTH) String user,
            @RequestParam(required = false) @Size(max = MAX_ID_LENGTH) String correlationId,
            @RequestParam(required = false) Instant from,
            @RequestParam(required = false) Instant to,
            @RequestParam(required = false) String cursor,
            @RequestParam(required = false) @Min(1) Integer limit) {
        EVENTS_PARAMETERS.check(request.getParameterMap());
        AuditLogFilter filter = filter(types, aggregateType, aggregateId, user, correlationId, from, to);
        AuditLogCursor after = AuditLogCursor.parameter(cursor);
        StreamingResponseBody body = out -> auditLog.stream(filter, after, limit,
                event -> writeLine(out, event), () -> flush(out));
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(NDJSON)).body(body);
    }

    /** Every event of one business transaction across aggregates, in global order; 404 when there is none. */
    @GetMapping("/correlations/{correlationId}")
    public ResponseEntity<?> correlation(
            HttpServletRequest request,
            @PathVariable @Size(max = MAX_ID_LENGTH) String correlationId,
            @RequestParam(required = false) String cursor,
            @RequestParam(defaultValue = "" + DEFAULT_LIMIT) @Min(1) @Max(MAX_LIMIT) int limit) {
        CORRELATION_PARAMETERS.check(request.getParameterMap());
        AuditLogCursor after = AuditLogCursor.parameter(cursor);
        AuditLog.Page page = auditLog.page(AuditLogFilter.correlation(correlationId), after, limit);
        if (page.items().isEmpty() && after == null) {
            return ResponseEntity.status(HttpStatus.NOT_FOUND).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .body(ApiProblems.problem(HttpStatus.NOT_FOUND, "CORRELATION_NOT_FOUND",
                            "No event carries correlation id " + correlationId));
        }
        return ResponseEntity.ok(page);
    }

    private static AuditLogFilter filter(List<String> types, String aggregateType, String aggregateId, String user,
                                         String correlationId, Instant from, Instant to) {
        List<String> checkedTypes = types == null ? List.of() : types;
        if (checkedTypes.size() > MAX_TYPES) {
            throw new InvalidParameterException(TYPE, "may be given at most " + MAX_TYPES + " times");
        }
        for (String type : checkedTypes) {
            requireSimpleName(TYPE, type);
        }
        if (aggregateType != null) {
            requireSimpleName(AGGREGATE_TYPE, aggregateType);
        }
        if (from != null && to != null && !to.isAfter(from)) {
            throw new InvalidParameterException(TO, "must be after from (" + from + ")");
        }
        return new AuditLogFilter(checkedTypes, aggregateType, aggregateId, user, correlationId, from, to);
    }

    private static void requireSimpleName(String parameter, String value) {
        if (!SIMPLE_NAME.matcher(value).matches()) {
            throw new InvalidParameterException(parameter, "must be a simple name like CarBooked or Car");
        }
    }

    private void writeLine(OutputStream out, AuditedEvent event) {
        try {
            jsonLine.writeValue(out, event);
            out.write('\n');
        } catch (IOException failed) {
            throw new UncheckedIOException(failed);
        }
    }

    private static void flush(OutputStream out) {
        try {
            out.flush();
        } catch (IOException failed) {
            throw new UncheckedIOException(failed);
        }
    }
}
