package io.carmarket.command.car;

import org.bson.Document;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Year;
import java.time.ZoneOffset;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/**
 * Human-readable, unique order numbers such as {@code ORD-2026-000123}: one counter per year in MongoDB, advanced
 * atomically ({@code findAndModify $inc}), so concurrent reservations on any instance never share a number. A
 * number drawn for a reservation the car then refuses is simply not used (gaps are harmless).
 */
@Component
public class OrderNumbers {

    static final String COLLECTION = "order_number_counters";

    private final MongoTemplate mongoTemplate;
    private final Clock clock;

    public OrderNumbers(MongoTemplate mongoTemplate, Clock clock) {
        this.mongoTemplate = mongoTemplate;
        this.clock = clock;
    }

    public String next() {
        int year = Year.now(clock.withZone(ZoneOffset.UTC)).getValue();
        Document counter = mongoTemplate.findAndModify(
                Query.query(where("_id").is(Integer.toString(year))),
                new Update().inc("last", 1),
                FindAndModifyOptions.options().upsert(true).returnNew(true),
                Document.class, COLLECTION);
        return String.format("ORD-%d-%06d", year, counter.get("last", Number.class).longValue());
    }
}
