package io.carmarket.standalone;

import io.carmarket.api.car.BodyType;
import io.carmarket.api.car.BookCar;
import io.carmarket.api.car.CarDescription;
import io.carmarket.api.car.CarImage;
import io.carmarket.api.car.DateRange;
import io.carmarket.api.car.FuelType;
import io.carmarket.api.car.ListCar;
import io.carmarket.api.car.Location;
import io.carmarket.api.car.Pricing;
import io.carmarket.api.car.Transmission;
import io.carmarket.api.car.VehicleRegistration;
import io.carmarket.api.car.DefinePeakWindows;
import io.carmarket.api.car.PeakWindow;
import io.carmarket.api.car.purchase.PaymentMethod;
import io.carmarket.api.car.purchase.ReservePurchase;
import io.carmarket.api.identity.Actor;
import io.carmarket.api.negotiation.MakeOffer;
import io.carmarket.api.negotiation.OpenNegotiation;
import io.carmarket.command.car.OrderNumbers;
import io.carmarket.command.negotiation.NegotiationLookups;
import io.carmarket.api.identity.Role;
import io.carmarket.api.identity.UserRegistered;
import io.carmarket.api.audit.MessageMetadata;
import io.carmarket.command.identity.IdentityService;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Fills an empty standalone store with a small, believable marketplace: cars of several dealers in several
 * cities, for rental, for sale or both, and a few bookings. It goes through the command gateway like any client,
 * so the demo events are real events and the read models are built by the real projections.
 */
@Component
public class DemoData {

    private static final Logger log = LoggerFactory.getLogger(DemoData.class);
    private static final Currency EUR = Currency.getInstance("EUR");
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final int MAX_BOOKING_DAYS = 30;
    /** The demo accounts; their passwords are printed at start. Demo only: the standalone profile loads them. */
    static final List<DemoLogin> LOGINS = List.of(
            new DemoLogin("dealer@demo.carmarket.local", "Showroom-2026!", "Autohaus Mitte", Role.DEALER),
            new DemoLogin("alice@demo.carmarket.local", "Sunroof-2026!", "Alice Customer", Role.CUSTOMER),
            new DemoLogin("bob@demo.carmarket.local", "Roadtrip-2026!", "Bob Customer", Role.CUSTOMER),
            new DemoLogin("auditor@demo.carmarket.local", "Ledger-2026!!", "Audrey Auditor", Role.AUDITOR));

    private final CommandGateway commandGateway;
    private final IdentityService identity;
    private final OrderNumbers orderNumbers;
    private final NegotiationLookups negotiationLookups;
    private final EventStore eventStore;
    private final StandaloneProperties properties;
    private final Clock clock;

    public DemoData(CommandGateway commandGateway, IdentityService identity, OrderNumbers orderNumbers,
                    NegotiationLookups negotiationLookups, EventStore eventStore, StandaloneProperties properties,
                    Clock clock) {
        this.negotiationLookups = negotiationLookups;
        this.commandGateway = commandGateway;
        this.identity = identity;
        this.orderNumbers = orderNumbers;
        this.eventStore = eventStore;
        this.properties = properties;
        this.clock = clock;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(1)
    public void loadIntoEmptyStore() {
        if (!properties.demoData().enabled()) {
            return;
        }
        if (holdsMarketplaceEvents()) {
            log.info("Event store already holds marketplace events; demo data not loaded");
            return;
        }
        List<String> userIds = LOGINS.stream().map(this::ensureAccount).toList();
        Actor dealer = new Actor(userIds.get(0), Role.DEALER);
        Actor alice = new Actor(userIds.get(1), Role.CUSTOMER);
        Actor bob = new Actor(userIds.get(2), Role.CUSTOMER);
        List<String> carIds = cars().stream().map(car -> list(car, dealer)).toList();
        LocalDate today = LocalDate.now(clock.withZone(BERLIN));
        book(carIds.get(0), alice, today.plusDays(3), today.plusDays(7));
        book(carIds.get(0), bob, today.plusDays(14), today.plusDays(16));
        book(carIds.get(2), alice, today.plusDays(1), today.plusDays(4));
        // The BMW i4 needs the dealer's approval at weekends; Bob's weekend booking awaits it.
        sendAs(dealer, new DefinePeakWindows(carIds.get(3),
                List.of(new PeakWindow(List.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY), null, null)), dealer));
        LocalDate saturday = today.plusDays(7).with(TemporalAdjusters.nextOrSame(DayOfWeek.SATURDAY));
        book(carIds.get(3), bob, saturday, saturday.plusDays(2));
        // Alice has reserved the Skoda Octavia (for sale only) for purchase.
        sendAs(alice, new ReservePurchase(carIds.get(7), UUID.randomUUID().toString(), orderNumbers.next(), alice,
                PaymentMethod.FULL_PAYMENT, null, null, today.plusDays(21), null));
        // Bob bargains with the dealer over the Toyota Corolla (for rent and for sale).
        openNegotiation(carIds.get(4), bob, dealer, new BigDecimal("22500.00"), new BigDecimal("24200.00"));
        log.info("Demo data loaded: {} accounts, {} cars, 4 bookings (one awaiting approval), 1 purchase reservation, "
                + "1 negotiation", userIds.size(), carIds.size());
    }

    /**
     * Whether anything but accounts was recorded: the administrator's account, created at start-up before this runs,
     * is an event of its own ({@link UserRegistered}), and only accounts come before the demo's first car.
     */
    private boolean holdsMarketplaceEvents() {
        try (BlockingStream<TrackedEventMessage<?>> stream = eventStore.openStream(null)) {
            while (stream.hasNextAvailable()) {
                if (!UserRegistered.class.equals(stream.nextAvailable().getPayloadType())) {
                    return true;
                }
            }
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while reading the event store", e);
        }
    }

    private String ensureAccount(DemoLogin login) {
        return identity.accountByEmail(login.email())
                .orElseGet(() -> identity.register(login.email(), login.password(), login.name(), login.role()))
                .id();
    }

    private String list(ListCar template, Actor dealer) {
        String carId = UUID.randomUUID().toString();
        sendAs(dealer, new ListCar(carId, dealer.userId(), template.description(), template.registration(),
                template.location(), template.images(), template.pricing(), template.maxBookingDays()));
        return carId;
    }

    private void book(String carId, Actor customer, LocalDate start, LocalDate end) {
        sendAs(customer, new BookCar(carId, UUID.randomUUID().toString(), customer.userId(),
                new DateRange(start, end), "Demo booking"));
    }

    private void openNegotiation(String carId, Actor buyer, Actor dealer, BigDecimal offer, BigDecimal counterOffer) {
        String negotiationId = UUID.randomUUID().toString();
        negotiationLookups.claim(buyer.userId(), carId, negotiationId);
        sendAs(buyer, new OpenNegotiation(negotiationId, carId, dealer.userId(), EUR, buyer, offer,
                "Would you take this for it?"));
        sendAs(dealer, new MakeOffer(negotiationId, dealer, counterOffer, "It has a full service history."));
    }

    /** Demo events are attributed to the demo users, as if they had sent the commands themselves. */
    private void sendAs(Actor actor, Object command) {
        commandGateway.sendAndWait(GenericCommandMessage.asCommandMessage(command).andMetaData(Map.of(
                MessageMetadata.USER_ID, actor.userId(), MessageMetadata.USER_ROLE, actor.role().name())));
    }

    record DemoLogin(String email, String password, String name, Role role) {
    }

    private static List<ListCar> cars() {
        return List.of(
                car("Volkswagen", "Golf", "1.5 TSI Life", 2022, BodyType.HATCHBACK, Transmission.MANUAL,
                        FuelType.PETROL, 28_000, "Berlin", "49.00", null, "WVWZZZCDZNW000001", "B-CM 101"),
                car("Volkswagen", "ID.4", "Pro Performance", 2023, BodyType.SUV, Transmission.AUTOMATIC,
                        FuelType.ELECTRIC, 12_500, "Berlin", "89.00", "38900.00", "WVGZZZE2ZPP000002", "B-CM 102"),
                car("BMW", "3 Series", "320d Touring", 2021, BodyType.ESTATE, Transmission.AUTOMATIC,
                        FuelType.DIESEL, 54_000, "Munich", "75.00", "31500.00", "WBA8E1105NK000003", "M-CM 201"),
                car("BMW", "i4", "eDrive40", 2023, BodyType.COUPE, Transmission.AUTOMATIC,
                        FuelType.ELECTRIC, 9_800, "Munich", "119.00", null, "WBY73AW05PF000004", "M-CM 202"),
                car("Toyota", "Corolla", "Hybrid Touring Sports", 2022, BodyType.ESTATE, Transmission.AUTOMATIC,
                        FuelType.HYBRID, 31_000, "Hamburg", "55.00", "24900.00", "SB1ZS3JE70E000005", "HH-CM 301"),
                car("Toyota", "Yaris", "1.5 Hybrid", 2020, BodyType.HATCHBACK, Transmission.AUTOMATIC,
                        FuelType.HYBRID, 47_000, "Hamburg", null, "14900.00", "VNKKG3D350A000006", "HH-CM 302"),
                car("Mercedes-Benz", "V-Class", "V 250 d", 2021, BodyType.VAN, Transmission.AUTOMATIC,
                        FuelType.DIESEL, 66_000, "Cologne", "139.00", null, "WDF44781313000007", "K-CM 401"),
                car("Skoda", "Octavia", "Combi 2.0 TDI", 2019, BodyType.ESTATE, Transmission.MANUAL,
                        FuelType.DIESEL, 98_000, "Cologne", null, "15900.00", "TMBJJ7NE5K0000008", "K-CM 402"),
                car("Tesla", "Model 3", "Long Range", 2022, BodyType.SEDAN, Transmission.AUTOMATIC,
                        FuelType.ELECTRIC, 35_000, "Frankfurt", "99.00", "33900.00", "5YJ3E7EB2NF000009", "F-CM 501"),
                car("Fiat", "500", "1.0 Hybrid Dolcevita", 2021, BodyType.CONVERTIBLE, Transmission.MANUAL,
                        FuelType.HYBRID, 22_000, "Frankfurt", "45.00", null, "ZFA3120000J000010", "F-CM 502"));
    }

    private static ListCar car(String make, String model, String variant, int year, BodyType bodyType,
                               Transmission transmission, FuelType fuelType, int mileage, String city,
                               String dailyRate, String askingPrice, String vin, String plate) {
        String imageSlug = (make + "-" + model).toLowerCase().replaceAll("[^a-z0-9]+", "-");
        return new ListCar(null, null,
                new CarDescription(make, model, variant, year, bodyType, transmission, fuelType, mileage, "Grey",
                        bodyType == BodyType.VAN ? 7 : 5, List.of("Air conditioning", "Navigation"),
                        "Well kept " + make + " " + model + ", serviced by the dealer."),
                new VehicleRegistration(vin, plate),
                new Location(city, null, null, BERLIN),
                List.of(new CarImage("https://images.example.com/demo/" + imageSlug + ".jpg", true)),
                new Pricing(dailyRate == null ? null : new BigDecimal(dailyRate),
                        askingPrice == null ? null : new BigDecimal(askingPrice), EUR),
                MAX_BOOKING_DAYS);
    }
}
