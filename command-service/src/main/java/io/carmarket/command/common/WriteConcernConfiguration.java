package io.carmarket.command.common;

import com.mongodb.WriteConcern;
import org.springframework.boot.autoconfigure.mongo.MongoClientSettingsBuilderCustomizer;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The write concern of the write side's MongoDB client: accounts, refresh-token revocations, idempotency records,
 * order numbers, deadlines, sagas and processor positions are acknowledged to a client only after MongoDB has them
 * in its journal, on a majority of the replica set (docs/operations.md, "Durability"). MongoDB's default ({@code w:1},
 * no journal wait) may acknowledge a write that a crash of the server then loses. The embedded server of the
 * standalone ignores write concerns; it commits every write before answering (D35).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(WriteConcernConfiguration.WriteSideWriteConcern.class)
public class WriteConcernConfiguration {

    @Bean
    MongoClientSettingsBuilderCustomizer writeSideWriteConcern(WriteSideWriteConcern settings) {
        return builder -> builder.writeConcern(settings.toWriteConcern());
    }

    /**
     * @param acknowledgedBy {@code majority}, or the number of replica-set members that must have a write
     * @param journaled      whether those members must have it in their journal before acknowledging it
     */
    @ConfigurationProperties("carmarket.mongo.write-concern")
    public record WriteSideWriteConcern(@DefaultValue("majority") String acknowledgedBy,
                                        @DefaultValue("true") boolean journaled) {

        WriteConcern toWriteConcern() {
            WriteConcern concern = acknowledgedBy.chars().allMatch(Character::isDigit)
                    ? new WriteConcern(Integer.parseInt(acknowledgedBy))
                    : new WriteConcern(acknowledgedBy);
            return concern.withJournal(journaled);
        }
    }
}
