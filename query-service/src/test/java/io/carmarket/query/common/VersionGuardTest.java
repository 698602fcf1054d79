package io.carmarket.query.common;

import io.carmarket.query.EmbeddedMongo;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.data.mongodb.core.query.Criteria.where;

/** Writes guarded by a document's version, against the embedded MongoDB: each event at most once. */
class VersionGuardTest {

    private static final String COLLECTION = "test_versioned";

    @RegisterExtension
    static final EmbeddedMongo mongo = new EmbeddedMongo();

    private MongoTemplate mongoTemplate;
    private VersionGuard guard;

    @BeforeEach
    void oneDocumentAtVersionThree() {
        mongoTemplate = mongo.template();
        mongoTemplate.remove(new Query(), COLLECTION);
        guard = new VersionGuard(mongoTemplate, COLLECTION);
        guard.ensureIndex();
        mongoTemplate.insert(new Document("_id", "doc-1").append("version", 3L).append("colour", "red"), COLLECTION);
    }

    @Test
    void a_newer_event_changes_the_document_and_moves_its_version() {
        boolean changed = guard.applyOnce("doc-1", 4, new Update().set("colour", "blue"));

        assertThat(changed).isTrue();
        assertThat(stored()).containsEntry("colour", "blue").containsEntry("version", 4L);
    }

    @Test
    void an_event_delivered_twice_changes_the_document_once() {
        guard.applyOnce("doc-1", 4, new Update().inc("count", 1));

        boolean changedAgain = guard.applyOnce("doc-1", 4, new Update().inc("count", 1));

        assertThat(changedAgain).isFalse();
        assertThat(stored()).containsEntry("count", 1).containsEntry("version", 4L);
    }

    @Test
    void an_older_event_delivered_after_a_newer_one_changes_nothing() {
        boolean changed = guard.applyOnce("doc-1", 2, new Update().set("colour", "blue"));

        assertThat(changed).isFalse();
        assertThat(stored()).containsEntry("colour", "red").containsEntry("version", 3L);
    }

    @Test
    void an_event_for_a_missing_document_creates_nothing() {
        boolean changed = guard.applyOnce("doc-9", 4, new Update().set("colour", "blue"));

        assertThat(changed).isFalse();
        assertThat(mongoTemplate.count(new Query(), COLLECTION)).isEqualTo(1);
    }

    @Test
    void a_change_that_finds_nothing_to_do_leaves_the_document_and_its_version_alone() {
        boolean changed = guard.applyOnce("doc-1", 4, current -> null);

        assertThat(changed).isFalse();
        assertThat(stored()).containsEntry("colour", "red").containsEntry("version", 3L);
    }

    @Test
    void a_write_that_lost_a_race_is_read_again_and_applied_on_the_new_state() {
        AtomicInteger reads = new AtomicInteger();

        boolean changed = guard.applyOnce("doc-1", 6, current -> {
            if (reads.incrementAndGet() == 1) {
                // Another delivery moves the document between this read and this write.
                mongoTemplate.updateFirst(Query.query(where("_id").is("doc-1")), new Update().set("version", 5L).set("colour", "green"), COLLECTION);
            }
            return new Update().set("colour", current.getString("colour") + "-and-blue");
        });

        assertThat(changed).isTrue();
        assertThat(reads).hasValue(2);
        assertThat(stored()).containsEntry("colour", "green-and-blue").containsEntry("version", 6L);
    }

    @Test
    void a_document_that_never_stops_changing_is_reported_instead_of_overwritten() {
        AtomicInteger version = new AtomicInteger(3);

        assertThatThrownBy(() -> guard.applyOnce("doc-1", 100, current -> {
            mongoTemplate.updateFirst(Query.query(where("_id").is("doc-1")), new Update().set("version", (long) version.incrementAndGet()), COLLECTION);
            return new Update().set("colour", "blue");
        })).isInstanceOf(IllegalStateException.class);
        assertThat(stored()).containsEntry("colour", "red");
    }

    @Test
    void a_remembered_version_that_another_writer_moved_on_is_read_again() {
        guard.applyOnce("doc-1", 4, new Update().set("colour", "blue"));
        mongoTemplate.updateFirst(Query.query(where("_id").is("doc-1")), new Update().set("version", 7L), COLLECTION);

        boolean changed = guard.applyOnce("doc-1", 6, new Update().set("colour", "green"));

        assertThat(changed).isFalse();
        assertThat(stored()).containsEntry("colour", "blue").containsEntry("version", 7L);
    }

    @Test
    void after_the_collection_was_emptied_and_refilled_the_remembered_versions_are_forgotten() {
        guard.applyOnce("doc-1", 9, new Update().set("colour", "blue"));
        mongoTemplate.remove(new Query(), COLLECTION);
        guard.forgetKnownVersions();
        mongoTemplate.insert(new Document("_id", "doc-1").append("version", 0L).append("colour", "red"), COLLECTION);

        boolean changed = guard.applyOnce("doc-1", 1, new Update().set("colour", "green"));

        assertThat(changed).isTrue();
        assertThat(stored()).containsEntry("colour", "green").containsEntry("version", 1L);
    }

    @Test
    void a_guard_that_restarts_with_nothing_remembered_still_applies_each_event_once() {
        guard.applyOnce("doc-1", 4, new Update().inc("count", 1));
        VersionGuard afterRestart = new VersionGuard(mongoTemplate, COLLECTION);

        afterRestart.applyOnce("doc-1", 4, new Update().inc("count", 1));
        afterRestart.applyOnce("doc-1", 5, new Update().inc("count", 1));

        assertThat(stored()).containsEntry("count", 2).containsEntry("version", 5L);
    }

    private Document stored() {
        return mongoTemplate.getCollection(COLLECTION).find(new Document("_id", "doc-1")).first();
    }
}
