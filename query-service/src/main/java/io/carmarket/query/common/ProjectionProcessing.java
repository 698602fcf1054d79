package io.carmarket.query.common;

import io.carmarket.query.audit.AuditLogProjection;
import io.carmarket.query.booking.BookingProjection;
import io.carmarket.query.dashboard.DashboardProjection;
import io.carmarket.query.inventory.DealerInventoryProjection;
import io.carmarket.query.negotiation.NegotiationProjection;
import io.carmarket.query.notification.NotificationProjection;
import io.carmarket.query.reservation.PurchaseReservationProjection;
import io.carmarket.query.search.CarSearchProjection;

import java.util.List;

/**
 * The processing groups of the query side. Each runs its batches without a database transaction: the projections
 * write only to MongoDB, and their tracking tokens live there too, without a transaction spanning both (the handlers
 * are idempotent instead). Otherwise, in the standalone, Axon wraps every projection batch in a JDBC transaction on
 * the event store's connection pool, and the processors hold connections the commands are waiting for (measured in
 * docs/benchmarks.md). Their transaction manager is {@code ReadModelRouting}'s, which also routes the writes of a
 * rebuild.
 */
public final class ProjectionProcessing {

    /** Every processing group of the query side. */
    public static final List<String> PROCESSING_GROUPS = List.of(
            CarSearchProjection.PROCESSING_GROUP,
            BookingProjection.PROCESSING_GROUP,
            PurchaseReservationProjection.PROCESSING_GROUP,
            NotificationProjection.PROCESSING_GROUP,
            NegotiationProjection.PROCESSING_GROUP,
            AuditLogProjection.PROCESSING_GROUP,
            DashboardProjection.PROCESSING_GROUP,
            DealerInventoryProjection.PROCESSING_GROUP);

    private ProjectionProcessing() {
    }
}
