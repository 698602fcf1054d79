package io.carmarket.support.axon;

import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.inmemory.InMemoryTokenStore;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TokenStoredAfterCommitTest {

    private static final String PROCESSOR = "a-processor";
    private static final int SEGMENT = 0;
    private static final TrackingToken AFTER_THE_BATCH = new GlobalSequenceTrackingToken(7);

    private final InMemoryTokenStore store = new InMemoryTokenStore();
    private final TokenStore tokens = new TokenStoredAfterCommit(store);

    @BeforeEach
    void claimTheSegment() {
        store.initializeTokenSegments(PROCESSOR, 1);
        store.fetchToken(PROCESSOR, SEGMENT);
    }

    @Test
    void the_position_of_a_batch_is_written_once_the_batch_has_committed() {
        UnitOfWork<?> batch = DefaultUnitOfWork.startAndGet(GenericEventMessage.asEventMessage("an event"));
        tokens.storeToken(AFTER_THE_BATCH, PROCESSOR, SEGMENT);
        assertThat(store.fetchToken(PROCESSOR, SEGMENT)).as("while the batch is handled").isNull();

        batch.commit();

        assertThat(store.fetchToken(PROCESSOR, SEGMENT)).isEqualTo(AFTER_THE_BATCH);
    }

    @Test
    void a_batch_that_fails_leaves_the_position_where_it_was() {
        UnitOfWork<?> batch = DefaultUnitOfWork.startAndGet(GenericEventMessage.asEventMessage("an event"));
        tokens.storeToken(AFTER_THE_BATCH, PROCESSOR, SEGMENT);

        batch.rollback();

        assertThat(store.fetchToken(PROCESSOR, SEGMENT)).isNull();
    }

    @Test
    void outside_a_batch_a_position_is_written_at_once() {
        tokens.storeToken(AFTER_THE_BATCH, PROCESSOR, SEGMENT);

        assertThat(store.fetchToken(PROCESSOR, SEGMENT)).isEqualTo(AFTER_THE_BATCH);
    }
}
