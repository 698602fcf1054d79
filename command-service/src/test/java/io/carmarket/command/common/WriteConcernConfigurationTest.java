package io.carmarket.command.common;

import com.mongodb.WriteConcern;
import com.mongodb.client.MongoClient;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.mongo.MongoAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/** The write side's MongoDB client acknowledges a write only once it is journaled on a majority. */
class WriteConcernConfigurationTest {

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(MongoAutoConfiguration.class))
            .withUserConfiguration(WriteConcernConfiguration.class);

    @Test
    void by_default_writes_are_acknowledged_once_journaled_on_a_majority() {
        context.run(started -> assertThat(writeConcernOf(started.getBean(MongoClient.class)))
                .isEqualTo(WriteConcern.MAJORITY.withJournal(true)));
    }

    @Test
    void the_number_of_members_and_the_journal_wait_are_configurable() {
        context.withPropertyValues("carmarket.mongo.write-concern.acknowledged-by=2",
                        "carmarket.mongo.write-concern.journaled=true")
                .run(started -> assertThat(writeConcernOf(started.getBean(MongoClient.class)))
                        .isEqualTo(new WriteConcern(2).withJournal(true)));
    }

    /** What the client's databases write with; building the client connects to nothing yet. */
    private static WriteConcern writeConcernOf(MongoClient client) {
        return client.getDatabase("carmarket").getWriteConcern();
    }
}
