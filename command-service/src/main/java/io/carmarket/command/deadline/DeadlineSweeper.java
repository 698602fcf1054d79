package io.carmarket.command.deadline;

import io.carmarket.api.rejection.CommandRejection;
import io.carmarket.api.audit.MessageMetadata;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/**
 * Sends the expiry command of every deadline in {@link Deadlines} that has fallen due. Each is claimed for a short
 * lease first, so several instances do not all send it; and the aggregate decides again anyway (an answered booking
 * is not expired), so a duplicate is harmless. A deadline is removed when the car has decided either way; on any
 * other failure it stays and is tried again after its lease.
 */
@Component
public class DeadlineSweeper {

    private static final Logger log = LoggerFactory.getLogger(DeadlineSweeper.class);
    private static final int BATCH_SIZE = 100;
    private static final Duration LEASE = Duration.ofMinutes(1);
    private static final String NOT_DUE = "NOT_DUE";

    private final MongoTemplate mongoTemplate;
    private final CommandGateway commandGateway;
    private final Clock clock;

    public DeadlineSweeper(MongoTemplate mongoTemplate, CommandGateway commandGateway, Clock clock) {
        this.mongoTemplate = mongoTemplate;
        this.commandGateway = commandGateway;
        this.clock = clock;
    }

    /** @return how many deadlines were settled */
    @Scheduled(fixedDelayString = "${carmarket.deadlines.sweep-interval:30s}",
            initialDelayString = "${carmarket.deadlines.sweep-interval:30s}")
    public int sweep() {
        Instant now = clock.instant();
        Query due = Query.query(where("dueAt").lte(Date.from(now))).limit(BATCH_SIZE);
        int settled = 0;
        for (Document deadline : mongoTemplate.find(due, Document.class, Deadlines.COLLECTION)) {
            if (claim(deadline.getString("_id"), now) && settle(deadline)) {
                settled++;
            }
        }
        return settled;
    }

    private boolean claim(String id, Instant now) {
        Criteria unclaimed = new Criteria().orOperator(where("claimedUntil").exists(false),
                where("claimedUntil").lt(Date.from(now)));
        Query query = Query.query(where("_id").is(id)).addCriteria(unclaimed);
        return mongoTemplate.findAndModify(query, new Update().set("claimedUntil", Date.from(now.plus(LEASE))),
                FindAndModifyOptions.options().returnNew(true), Document.class, Deadlines.COLLECTION) != null;
    }

    private boolean settle(Document deadline) {
        Object command = DeadlineKind.valueOf(deadline.getString("kind"))
                .expiryCommand(deadline.getString("aggregateId"), deadline.getString("targetId"));
        try {
            commandGateway.sendAndWait(GenericCommandMessage.asCommandMessage(command)
                    .andMetaData(Map.of(MessageMetadata.USER_ID, MessageMetadata.SYSTEM_USER)));
        } catch (CommandExecutionException refused) {
            String code = refused.getDetails().filter(CommandRejection.class::isInstance)
                    .map(details -> ((CommandRejection) details).code()).orElse(null);
            if (code == null || NOT_DUE.equals(code)) {
                log.warn("Deadline {} not settled; will retry", deadline.getString("_id"), refused);
                return false;
            }
            // The aggregate already decided otherwise (answered, cancelled, gone): nothing is left to expire.
        } catch (RuntimeException failure) {
            log.warn("Deadline {} not settled; will retry", deadline.getString("_id"), failure);
            return false;
        }
        mongoTemplate.remove(Query.query(where("_id").is(deadline.getString("_id"))), Deadlines.COLLECTION);
        return true;
    }
}
