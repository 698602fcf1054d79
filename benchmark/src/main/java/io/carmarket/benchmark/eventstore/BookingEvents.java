package io.carmarket.benchmark.eventstore;

import io.carmarket.api.car.BookingStatus;
import io.carmarket.api.car.CarBooked;
import io.carmarket.api.car.DateRange;
import io.carmarket.api.audit.MessageMetadata;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Currency;
import java.util.Map;
import java.util.UUID;

/**
 * What one booking command appends: a {@code CarBooked} of the car's stream (aggregate type {@code Car}) with the
 * acting user, role, correlation and causation ids in its metadata, as the write side emits it. Serialized by the
 * production serializer it is about 270 bytes of payload and 180 of metadata, like the events of a standalone run.
 */
final class BookingEvents {

    private static final String AGGREGATE_TYPE = "Car";
    private static final Currency EURO = Currency.getInstance("EUR");
    private static final BigDecimal TOTAL_PRICE = new BigDecimal("90.00");
    private static final int DAYS_AHEAD = 400;
    private static final int NIGHTS = 2;

    private final String carId = UUID.randomUUID().toString();
    private final LocalDate firstNight = LocalDate.now().plusDays(DAYS_AHEAD);
    private long nextSequence;

    /** The next event of this car; one instance per appending thread. */
    DomainEventMessage<CarBooked> next() {
        long sequence = nextSequence++;
        LocalDate start = firstNight.plusDays(sequence * NIGHTS);
        String customerId = UUID.randomUUID().toString();
        CarBooked booked = new CarBooked(carId, UUID.randomUUID().toString(), customerId,
                new DateRange(start, start.plusDays(NIGHTS)), BookingStatus.CONFIRMED, TOTAL_PRICE, EURO, null, null);
        Map<String, Object> metadata = Map.of(
                MessageMetadata.USER_ID, customerId,
                MessageMetadata.USER_ROLE, "CUSTOMER",
                MessageMetadata.CORRELATION_ID, UUID.randomUUID().toString(),
                MessageMetadata.CAUSATION_ID, UUID.randomUUID().toString());
        return new GenericDomainEventMessage<>(AGGREGATE_TYPE, carId, sequence, booked, metadata);
    }
}
