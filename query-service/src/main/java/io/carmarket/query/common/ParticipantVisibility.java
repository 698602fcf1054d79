package io.carmarket.query.common;

import io.carmarket.api.identity.Actor;
import org.springframework.data.mongodb.core.query.Criteria;

import java.util.Optional;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/**
 * Who sees a booking or a purchase reservation: its customer, the car's dealer, and admins and auditors (all of
 * them, read-only for auditors since these are queries). Anyone else is told it does not exist.
 */
public final class ParticipantVisibility {

    private ParticipantVisibility() {
    }

    /** The filter that limits a list to what the viewer may see; empty when the viewer sees everything. */
    public static Optional<Criteria> visibleTo(Actor viewer, String customerField, String dealerField) {
        return switch (viewer.role()) {
            case CUSTOMER -> Optional.of(where(customerField).is(viewer.userId()));
            case DEALER -> Optional.of(where(dealerField).is(viewer.userId()));
            case ADMIN, AUDITOR -> Optional.empty();
        };
    }

    public static boolean maySee(Actor viewer, String customerId, String dealerId) {
        return switch (viewer.role()) {
            case CUSTOMER -> viewer.is(customerId);
            case DEALER -> viewer.is(dealerId);
            case ADMIN, AUDITOR -> true;
        };
    }
}
