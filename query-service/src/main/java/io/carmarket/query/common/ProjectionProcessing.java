package io.carmarket.query.common;

import io.carmarket.query.audit.AuditLogProjection;
import io.carmarket.query.booking.BookingProjection;
import io.carmarket.query.negotiation.NegotiationProjection;
import io.carmarket.query.notification.NotificationProjection;
import io.carmarket.query.reservation.PurchaseReservationProjection;
import io.carmarket.query.search.CarSearchProjection;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.config.ConfigurerModule;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.List;

/**
 * The projections write only to MongoDB, and their tracking tokens live there too, without a transaction spanning
 * both (the handlers are idempotent instead). So their processors run without a database transaction: otherwise,
 * in the standalone, Axon wraps every projection batch in a JDBC transaction on the event store's connection pool,
 * and five processors hold connections the commands are waiting for (measured in docs/benchmarks.md).
 */
@Configuration(proxyBeanMethods = false)
public class ProjectionProcessing {

    /** Every processing group of the query side. */
    public static final List<String> PROCESSING_GROUPS = List.of(
            CarSearchProjection.PROCESSING_GROUP,
            BookingProjection.PROCESSING_GROUP,
            PurchaseReservationProjection.PROCESSING_GROUP,
            NotificationProjection.PROCESSING_GROUP,
            NegotiationProjection.PROCESSING_GROUP,
            AuditLogProjection.PROCESSING_GROUP);

    @Bean
    public ConfigurerModule projectionsWithoutDatabaseTransactions() {
        return configurer -> PROCESSING_GROUPS.forEach(group -> configurer.eventProcessing()
                .registerTransactionManager(group, configuration -> NoTransactionManager.INSTANCE));
    }
}
