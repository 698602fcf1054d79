package io.carmarket.query.dashboard;

import io.carmarket.api.car.purchase.PurchaseReservationStatus;
import org.bson.Document;
import org.springframework.data.annotation.Id;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

import static io.carmarket.query.dashboard.Figures.field;

/** What the dashboards know of a purchase reservation, and what it adds to them. */
@org.springframework.data.mongodb.core.mapping.Document(ReservationFacts.COLLECTION)
record ReservationFacts(@Id String reservationId, long version, String carId, String dealerId, String customerId,
                        String carTitle, String orderNumber, PurchaseReservationStatus status, BigDecimal totalAmount,
                        String currency, LocalDate handoverDate, Instant expiresAt) implements Fact {

    static final String COLLECTION = "dashboard_reservations";

    ReservationFacts withStatus(PurchaseReservationStatus newStatus, long position) {
        return new ReservationFacts(reservationId, position, carId, dealerId, customerId, carTitle, orderNumber,
                newStatus, totalAmount, currency, handoverDate, newStatus.isLive() ? expiresAt : null);
    }

    /** Counts per status for the platform and the dealer; a live one is listed for its customer. */
    @Override
    public Contributions contributions() {
        Contributions contributions = new Contributions()
                .count(Figures.PLATFORM, field(Figures.RESERVATIONS, status.name()))
                .count(Figures.dealer(dealerId), field(Figures.RESERVATIONS, status.name()));
        if (status.isLive()) {
            Document line = new Document("carId", carId)
                    .append("carTitle", carTitle)
                    .append("orderNumber", orderNumber)
                    .append("status", status.name());
            if (totalAmount != null) {
                line.append("totalAmount", totalAmount.toPlainString()).append("currency", currency);
            }
            if (handoverDate != null) {
                line.append("handoverDate", handoverDate.toString());
            }
            if (expiresAt != null) {
                line.append("expiresAt", expiresAt.toString());
            }
            contributions.entry(Figures.customer(customerId), field(Figures.RESERVATIONS, reservationId), line);
        }
        return contributions;
    }
}
