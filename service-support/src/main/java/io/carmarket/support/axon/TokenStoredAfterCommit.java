package io.carmarket.support.axon;

import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.UnableToClaimTokenException;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;

/**
 * A processor's token store that writes the position of a batch only after the batch's unit of work has committed,
 * so that a failing handler or a killed process makes the processor handle the batch again instead of skipping it.
 * <p>
 * Axon's {@code TrackingEventProcessor} writes the token before it handles a batch when it has a transaction manager
 * (expecting the token to roll back with the batch, as a JDBC token store beside a JDBC event store would), and
 * otherwise first thing in the commit. Neither holds when the token is in MongoDB and the handlers' work is not
 * written with it: a saga's state is written when the batch commits, and the events of the commands it sent go to the
 * event store's transaction. The claim is still checked before the batch ({@code extendClaim}); a token write that
 * fails after the commit is logged by Axon and the batch is handled again after the next restart. So the handlers
 * must accept an event twice (at least once, never lost).
 */
public final class TokenStoredAfterCommit extends ForwardingTokenStore {

    public TokenStoredAfterCommit(TokenStore delegate) {
        super(delegate);
    }

    @Override
    public void storeToken(TrackingToken token, String processorName, int segment)
            throws UnableToClaimTokenException {
        if (!CurrentUnitOfWork.isStarted() || CurrentUnitOfWork.get().phase().isAfter(UnitOfWork.Phase.COMMIT)) {
            delegate.storeToken(token, processorName, segment);
            return;
        }
        delegate.extendClaim(processorName, segment);
        CurrentUnitOfWork.get().root().afterCommit(committed -> delegate.storeToken(token, processorName, segment));
    }
}
