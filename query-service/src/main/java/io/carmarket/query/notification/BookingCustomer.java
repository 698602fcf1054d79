package io.carmarket.query.notification;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * Whose booking it is, kept by the notifications group from {@code CarBooked}: the later booking events that do not
 * name the customer (a cancellation by the dealer, say) are notified to them through it.
 */
@Document(NotificationProjection.BOOKINGS_COLLECTION)
record BookingCustomer(@Id String bookingId, String carId, String customerId) {
}
