package io.carmarket.command.audit;

import io.carmarket.support.web.InvalidParameterException;
import io.carmarket.support.web.QueryParameters;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Set;

/**
 * One aggregate's history, its state at a version or an instant, and what changed between two versions, for
 * auditors and admins (the role table, {@code CommandEndpointRoles}). Only reads. Status codes: 400 for input that
 * is not a version, a page or an instant, and for a parameter the endpoint does not know, given twice or blank; 404
 * for an unknown aggregate, a version after its last event, or an instant before its first; 501 for an aggregate
 * type without a state view.
 */
@RestController
@RequestMapping("/api/v1/audit/aggregates/{aggregateId}")
@EnableConfigurationProperties(AggregateAuditProperties.class)
class AggregateAuditController {

    private static final String VERSION = "version";
    private static final String AT = "at";
    private static final String FROM = "from";
    private static final String TO = "to";
    private static final String FROM_SEQUENCE = "fromSequence";
    private static final String LIMIT = "limit";
    /** A misspelt parameter is refused, never ignored: an ignored one would answer something that was not asked. */
    private static final QueryParameters HISTORY_PARAMETERS =
            new QueryParameters(Set.of(FROM_SEQUENCE, LIMIT), Set.of());
    private static final QueryParameters STATE_PARAMETERS = new QueryParameters(Set.of(VERSION, AT), Set.of());
    private static final QueryParameters DIFF_PARAMETERS = new QueryParameters(Set.of(FROM, TO), Set.of());

    private final AggregateAudit audit;
    private final AggregateAuditProperties properties;

    AggregateAuditController(AggregateAudit audit, AggregateAuditProperties properties) {
        this.audit = audit;
        this.properties = properties;
    }

    @GetMapping("/events")
    AggregateHistoryPage history(HttpServletRequest request, @PathVariable String aggregateId,
                                 @RequestParam(name = FROM_SEQUENCE, required = false) Long fromSequence,
                                 @RequestParam(name = LIMIT, required = false) Integer limit) {
        HISTORY_PARAMETERS.check(request.getParameterMap());
        long from = fromSequence == null ? 0 : requireVersion(FROM_SEQUENCE, fromSequence);
        int pageSize = limit == null ? properties.defaultPageSize() : limit;
        if (pageSize < 1 || pageSize > properties.maxPageSize()) {
            throw new InvalidParameterException(LIMIT, "must be between 1 and " + properties.maxPageSize());
        }
        return audit.history(aggregateId, from, pageSize);
    }

    @GetMapping("/state")
    AggregateStateAnswer state(HttpServletRequest request, @PathVariable String aggregateId,
                               @RequestParam(name = VERSION, required = false) Long version,
                               @RequestParam(name = AT, required = false) String at) {
        STATE_PARAMETERS.check(request.getParameterMap());
        if ((version == null) == (at == null)) {
            throw new InvalidParameterException(version == null ? VERSION : AT,
                    "give either version (a sequence number) or at (an ISO-8601 instant), not both and not neither");
        }
        return version != null
                ? audit.stateAtVersion(aggregateId, requireVersion(VERSION, version))
                : audit.stateAt(aggregateId, instantOf(at));
    }

    @GetMapping("/diff")
    AggregateDiffAnswer diff(HttpServletRequest request, @PathVariable String aggregateId,
                             @RequestParam(name = FROM, required = false) Long from,
                             @RequestParam(name = TO, required = false) Long to) {
        DIFF_PARAMETERS.check(request.getParameterMap());
        long earlier = requireVersion(FROM, from);
        long later = requireVersion(TO, to);
        if (earlier > later) {
            throw new InvalidParameterException(FROM, "must not be after to (" + later + ")");
        }
        return audit.diff(aggregateId, earlier, later);
    }

    private static long requireVersion(String parameter, Long value) {
        if (value == null) {
            throw new InvalidParameterException(parameter, "is required: a sequence number, 0 or more");
        }
        if (value < 0) {
            throw new InvalidParameterException(parameter, "must be 0 or more");
        }
        return value;
    }

    /**
     * An ISO-8601 instant, in UTC ({@code 2026-05-01T10:00:00Z}) or with an offset ({@code ...+02:00}). A '+' left
     * unencoded in a query string arrives as a space; it can only have meant the offset's sign.
     */
    private static Instant instantOf(String text) {
        try {
            return OffsetDateTime.parse(text.strip().replace(' ', '+')).toInstant();
        } catch (DateTimeParseException e) {
            throw new InvalidParameterException(AT, "must be an ISO-8601 instant such as 2026-05-01T10:00:00Z");
        }
    }
}
