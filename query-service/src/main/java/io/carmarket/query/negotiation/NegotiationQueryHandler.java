package io.carmarket.query.negotiation;

import io.carmarket.api.identity.Actor;
import io.carmarket.api.negotiation.NegotiationStatus;
import io.carmarket.api.negotiation.Party;
import io.carmarket.api.negotiations.NegotiationById;
import io.carmarket.api.negotiations.NegotiationPage;
import io.carmarket.api.negotiations.NegotiationSearch;
import io.carmarket.api.negotiations.NegotiationSummary;
import io.carmarket.api.negotiations.NegotiationSummaryOf;
import io.carmarket.api.negotiations.NegotiationView;
import io.carmarket.query.common.NewestFirstList;
import io.carmarket.query.common.ParticipantVisibility;
import io.carmarket.query.negotiation.NegotiationEntry.Fields;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/**
 * Answers the negotiation queries from the {@link NegotiationEntry} read model: a buyer sees the negotiations they
 * opened, a dealer those on their cars, admins and auditors all (read-only: these are queries). Anyone else is told
 * a negotiation does not exist.
 */
@Component
public class NegotiationQueryHandler {

    /** The kind written into this list's cursors. */
    public static final String CURSOR_KIND = "negotiations";

    private final MongoTemplate mongoTemplate;
    private final NewestFirstList<NegotiationEntry> list;
    private final Clock clock;

    @Autowired
    public NegotiationQueryHandler(MongoTemplate mongoTemplate) {
        this(mongoTemplate, Clock.systemUTC());
    }

    NegotiationQueryHandler(MongoTemplate mongoTemplate, Clock clock) {
        this.mongoTemplate = mongoTemplate;
        this.clock = clock;
        this.list = new NewestFirstList<>(mongoTemplate, CURSOR_KIND, NegotiationEntry.class, Fields.OPENED_AT,
                NegotiationEntry::openedAt, NegotiationEntry::negotiationId);
    }

    @QueryHandler
    public NegotiationPage search(NegotiationSearch search) {
        List<Criteria> filters = new ArrayList<>();
        ParticipantVisibility.visibleTo(search.viewer(), Fields.BUYER_ID, Fields.DEALER_ID).ifPresent(filters::add);
        if (search.as() != null) {
            filters.add(where(partyField(search.as())).is(search.viewer().userId()));
        }
        if (!search.statuses().isEmpty()) {
            filters.add(where(Fields.STATUS).in(search.statuses()));
        }
        NewestFirstList.Page<NegotiationEntry> page = list.page(filters, search.cursor(), search.limit());
        return new NegotiationPage(page.items().stream().map(NegotiationEntry::view).toList(), page.nextCursor());
    }

    /** Empty both when the negotiation does not exist and when the viewer may not see it: existence does not leak. */
    @QueryHandler
    public Optional<NegotiationView> negotiation(NegotiationById query) {
        return Optional.ofNullable(mongoTemplate.findById(query.negotiationId(), NegotiationEntry.class))
                .filter(entry -> ParticipantVisibility.maySee(query.viewer(), entry.buyerId(), entry.dealerId()))
                .map(NegotiationEntry::view);
    }

    /**
     * Counts the OPEN negotiations in which the viewer is the party that must answer the latest offer, and still
     * can: an offer past its expiry no longer takes an answer even before the system has recorded its expiry.
     * Whatever the role, only the viewer's own part counts (an admin answers nobody's offers).
     */
    @QueryHandler
    public NegotiationSummary summary(NegotiationSummaryOf query) {
        Actor viewer = query.viewer();
        Criteria mine = new Criteria().orOperator(
                where(Fields.BUYER_ID).is(viewer.userId()).and(Fields.AWAITING_ANSWER_FROM).is(Party.BUYER),
                where(Fields.DEALER_ID).is(viewer.userId()).and(Fields.AWAITING_ANSWER_FROM).is(Party.DEALER));
        Criteria stillOpen = where(Fields.STATUS).is(NegotiationStatus.OPEN)
                .and(Fields.ANSWER_DUE_BY).gt(Date.from(clock.instant()));
        long awaiting = mongoTemplate.count(Query.query(new Criteria().andOperator(mine, stillOpen)),
                NegotiationEntry.class);
        return new NegotiationSummary(awaiting);
    }

    private static String partyField(Party party) {
        return party == Party.BUYER ? Fields.BUYER_ID : Fields.DEALER_ID;
    }
}
