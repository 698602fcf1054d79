package io.carmarket.query.dashboard;

import io.carmarket.api.car.BookingStatus;
import io.carmarket.api.car.CarStatus;
import io.carmarket.api.car.purchase.PurchaseReservationStatus;
import io.carmarket.api.dashboards.AdminDashboard;
import io.carmarket.api.dashboards.AgreedDiscount;
import io.carmarket.api.dashboards.Conversion;
import io.carmarket.api.dashboards.CustomerDashboard;
import io.carmarket.api.dashboards.DealerDashboard;
import io.carmarket.api.dashboards.Handover;
import io.carmarket.api.dashboards.LiveReservation;
import io.carmarket.api.dashboards.MakeTally;
import io.carmarket.api.dashboards.MonthlyCount;
import io.carmarket.api.dashboards.MonthlyRevenue;
import io.carmarket.api.dashboards.OfferAwaitingAnswer;
import io.carmarket.api.dashboards.OpenNegotiation;
import io.carmarket.api.dashboards.PendingApproval;
import io.carmarket.api.dashboards.UpcomingBooking;
import io.carmarket.api.dashboards.Utilisation;
import io.carmarket.api.negotiation.NegotiationStatus;
import io.carmarket.api.negotiation.Party;
import io.carmarket.query.common.VersionGuard;
import io.carmarket.query.notification.NotificationInbox;
import org.bson.Document;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads a dashboard from its documents: the owner's document by id, and for the windows in days the owner's
 * documents of the months they touch, by id too. Nothing is aggregated over all bookings at read time; the windows
 * ("next 7 days", "last 12 months") are taken from today (UTC) when read, so they never go stale.
 */
@Component
public class DashboardReader {

    static final int PICK_UP_DAYS = 7;
    static final int UTILISATION_DAYS = 30;
    static final int MONTHS_SHOWN = 12;
    static final int TOP_MAKES = 5;
    /** How far ahead the customer's upcoming bookings are looked for: the booking horizon's two years. */
    static final int UPCOMING_MONTHS = 25;

    private final MongoTemplate mongoTemplate;
    private final NotificationInbox notifications;
    private final Clock clock;

    @Autowired
    public DashboardReader(MongoTemplate mongoTemplate, NotificationInbox notifications) {
        this(mongoTemplate, notifications, Clock.systemUTC());
    }

    DashboardReader(MongoTemplate mongoTemplate, NotificationInbox notifications, Clock clock) {
        this.mongoTemplate = mongoTemplate;
        this.notifications = notifications;
        this.clock = clock;
    }

    public DealerDashboard dealer(String dealerId) {
        LocalDate today = LocalDate.now(clock);
        Document dealer = byId(DashboardDocuments.DEALERS, dealerId);
        Map<String, Document> live = new LinkedHashMap<>();
        List<Document> months = byIds(DashboardDocuments.DEALER_MONTHS, monthIds(dealerId,
                YearMonth.from(today.minusDays(1)), YearMonth.from(today.plusDays(UTILISATION_DAYS))));
        for (Document month : months) {
            entries(month, Figures.LIVE_BOOKINGS).forEach(live::put);
        }
        List<Handover> pickUps = new ArrayList<>();
        List<Handover> returns = new ArrayList<>();
        long bookedCarDays = 0;
        LocalDate pickUpEnd = today.plusDays(PICK_UP_DAYS);
        LocalDate utilisationEnd = today.plusDays(UTILISATION_DAYS);
        for (Map.Entry<String, Document> entry : live.entrySet()) {
            Document booking = entry.getValue();
            LocalDate start = LocalDate.parse(booking.getString("startDate"));
            LocalDate end = LocalDate.parse(booking.getString("endDate"));
            if (within(start, today, pickUpEnd)) {
                pickUps.add(new Handover(entry.getKey(), booking.getString("carId"), booking.getString("carTitle"),
                        start));
            }
            if (within(end, today, pickUpEnd)) {
                returns.add(new Handover(entry.getKey(), booking.getString("carId"), booking.getString("carTitle"),
                        end));
            }
            bookedCarDays += overlapDays(start, end, today, utilisationEnd);
        }
        pickUps.sort(Comparator.comparing(Handover::date).thenComparing(Handover::bookingId));
        returns.sort(Comparator.comparing(Handover::date).thenComparing(Handover::bookingId));
        long availableCarDays = number(dealer.get(Figures.RENTABLE_CARS)) * UTILISATION_DAYS;
        Utilisation utilisation = new Utilisation(bookedCarDays, availableCarDays,
                availableCarDays == 0 ? null : (double) bookedCarDays / availableCarDays);
        long agreements = number(dealer.get(Figures.AGREEMENTS));
        AgreedDiscount discount = new AgreedDiscount(agreements, agreements == 0 ? null
                : number(dealer.get(Figures.DISCOUNT_BASIS_POINTS)) / 100.0 / agreements);
        return new DealerDashboard(dealerId, latestVersion(dealer, months), today,
                counts(dealer, Figures.CARS, CarStatus.class),
                pendingApprovals(dealer),
                pickUps, returns, utilisation,
                revenueByMonth(dealer, today),
                offersAwaitingAnswer(dealer),
                counts(dealer, Figures.RESERVATIONS, PurchaseReservationStatus.class),
                discount);
    }

    public AdminDashboard admin() {
        LocalDate today = LocalDate.now(clock);
        Document platform = byId(DashboardDocuments.PLATFORM, Figures.PLATFORM_ID);
        long ended = number(platform.get(Figures.NEGOTIATIONS_ENDED));
        long accepted = number(platform.get(Figures.NEGOTIATIONS_ACCEPTED));
        return new AdminDashboard(version(platform), today,
                counts(platform, Figures.CARS, CarStatus.class),
                counts(platform, Figures.BOOKINGS, BookingStatus.class),
                counts(platform, Figures.NEGOTIATIONS, NegotiationStatus.class),
                counts(platform, Figures.RESERVATIONS, PurchaseReservationStatus.class),
                monthlyCounts(platform, Figures.NEW_USERS_BY_MONTH, today),
                monthlyCounts(platform, Figures.BOOKINGS_BY_MONTH, today),
                topMakes(platform, Figures.MAKES_LISTED),
                topMakes(platform, Figures.MAKES_BOOKED),
                new Conversion(accepted, ended, ended == 0 ? null : (double) accepted / ended),
                Medians.of(histogram(platform, Figures.HOURS_TO_AGREEMENT)),
                Medians.of(histogram(platform, Figures.DAYS_ON_MARKET)));
    }

    public CustomerDashboard customer(String customerId) {
        LocalDate today = LocalDate.now(clock);
        Document customer = byId(DashboardDocuments.CUSTOMERS, customerId);
        Map<String, UpcomingBooking> upcoming = new LinkedHashMap<>();
        YearMonth first = YearMonth.from(today);
        List<Document> months = byIds(DashboardDocuments.CUSTOMER_MONTHS,
                monthIds(customerId, first, first.plusMonths(UPCOMING_MONTHS - 1)));
        for (Document month : months) {
            entries(month, Figures.UPCOMING).forEach((bookingId, booking) -> {
                LocalDate end = LocalDate.parse(booking.getString("endDate"));
                if (!end.isBefore(today)) {
                    upcoming.putIfAbsent(bookingId, new UpcomingBooking(bookingId, booking.getString("carId"),
                            booking.getString("carTitle"), LocalDate.parse(booking.getString("startDate")), end,
                            decimal(booking.getString("totalPrice")), booking.getString("currency")));
                }
            });
        }
        List<UpcomingBooking> soonest = upcoming.values().stream()
                .sorted(Comparator.comparing(UpcomingBooking::startDate).thenComparing(UpcomingBooking::bookingId))
                .limit(CustomerDashboard.UPCOMING_SHOWN)
                .toList();
        List<OpenNegotiation> negotiations = new ArrayList<>();
        entries(customer, Figures.NEGOTIATIONS).forEach((id, line) -> {
            Party by = Party.valueOf(line.getString("by"));
            negotiations.add(new OpenNegotiation(id, line.getString("carId"), line.getString("carTitle"),
                    decimal(line.getString("amount")), line.getString("currency"), by, by == Party.DEALER,
                    instant(line.getString("expiresAt"))));
        });
        negotiations.sort(Comparator.comparing(OpenNegotiation::negotiationId));
        List<LiveReservation> reservations = new ArrayList<>();
        entries(customer, Figures.RESERVATIONS).forEach((id, line) -> reservations.add(new LiveReservation(id,
                line.getString("carId"), line.getString("carTitle"), line.getString("orderNumber"),
                PurchaseReservationStatus.valueOf(line.getString("status")), decimal(line.getString("totalAmount")),
                line.getString("currency"), date(line.getString("handoverDate")),
                instant(line.getString("expiresAt")))));
        reservations.sort(Comparator.comparing(LiveReservation::reservationId));
        return new CustomerDashboard(customerId, latestVersion(customer, months), today, soonest,
                pendingApprovals(customer),
                negotiations, reservations, notifications.unreadCount(customerId));
    }

    // ---- the parts

    private static List<PendingApproval> pendingApprovals(Document owner) {
        List<PendingApproval> pending = new ArrayList<>();
        entries(owner, Figures.AWAITING_APPROVAL).forEach((id, line) -> pending.add(new PendingApproval(id,
                line.getString("carId"), line.getString("carTitle"), LocalDate.parse(line.getString("startDate")),
                LocalDate.parse(line.getString("endDate")), decimal(line.getString("totalPrice")),
                line.getString("currency"), instant(line.getString("expiresAt")))));
        pending.sort(Comparator.comparing(PendingApproval::expiresAt, Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(PendingApproval::bookingId));
        return pending;
    }

    private static List<OfferAwaitingAnswer> offersAwaitingAnswer(Document dealer) {
        List<OfferAwaitingAnswer> offers = new ArrayList<>();
        entries(dealer, Figures.AWAITING_ANSWER).forEach((id, line) -> offers.add(new OfferAwaitingAnswer(id,
                line.getString("carId"), line.getString("carTitle"), decimal(line.getString("amount")),
                line.getString("currency"), instant(line.getString("expiresAt")))));
        offers.sort(Comparator.comparing(OfferAwaitingAnswer::expiresAt,
                Comparator.nullsLast(Comparator.naturalOrder())).thenComparing(OfferAwaitingAnswer::negotiationId));
        return offers;
    }

    private static List<MonthlyRevenue> revenueByMonth(Document dealer, LocalDate today) {
        Document revenue = subDocument(dealer, Figures.REVENUE);
        List<MonthlyRevenue> months = new ArrayList<>();
        for (YearMonth month : lastMonths(today)) {
            Map<String, BigDecimal> amounts = new TreeMap<>();
            subDocument(revenue, month.toString()).forEach((currency, minor) -> {
                long amount = number(minor);
                if (amount != 0) {
                    amounts.put(currency, Figures.fromMinorUnits(amount, currency));
                }
            });
            months.add(new MonthlyRevenue(month.toString(), amounts));
        }
        return months;
    }

    private static List<MonthlyCount> monthlyCounts(Document owner, String field, LocalDate today) {
        Document counts = subDocument(owner, field);
        return lastMonths(today).stream()
                .map(month -> new MonthlyCount(month.toString(), number(counts.get(month.toString()))))
                .toList();
    }

    private static List<MakeTally> topMakes(Document platform, String field) {
        List<MakeTally> makes = new ArrayList<>();
        subDocument(platform, field).forEach((key, count) -> {
            if (number(count) > 0) {
                makes.add(new MakeTally(Figures.makeOf(key), number(count)));
            }
        });
        return makes.stream()
                .sorted(Comparator.comparingLong(MakeTally::count).reversed().thenComparing(MakeTally::make))
                .limit(TOP_MAKES)
                .toList();
    }

    private static <E extends Enum<E>> Map<E, Long> counts(Document owner, String field, Class<E> statuses) {
        Document counts = subDocument(owner, field);
        Map<E, Long> byStatus = new EnumMap<>(statuses);
        for (E status : statuses.getEnumConstants()) {
            byStatus.put(status, number(counts.get(status.name())));
        }
        return byStatus;
    }

    private static TreeMap<Long, Long> histogram(Document owner, String field) {
        TreeMap<Long, Long> histogram = new TreeMap<>();
        subDocument(owner, field).forEach((value, count) -> {
            if (number(count) > 0) {
                histogram.put(Long.parseLong(value), number(count));
            }
        });
        return histogram;
    }

    // ---- reading documents

    private Document byId(String collection, String id) {
        Document found = mongoTemplate.getCollection(collection).find(new Document(VersionGuard.ID, id)).first();
        return found == null ? new Document() : found;
    }

    private List<Document> byIds(String collection, List<String> ids) {
        return mongoTemplate.getCollection(collection)
                .find(new Document(VersionGuard.ID, new Document("$in", ids)))
                .into(new ArrayList<>());
    }

    private static List<String> monthIds(String ownerId, YearMonth first, YearMonth last) {
        List<String> ids = new ArrayList<>();
        for (YearMonth month = first; !month.isAfter(last); month = month.plusMonths(1)) {
            ids.add(Figures.monthId(ownerId, month));
        }
        return ids;
    }

    private static List<YearMonth> lastMonths(LocalDate today) {
        YearMonth current = YearMonth.from(today);
        List<YearMonth> months = new ArrayList<>();
        for (int back = MONTHS_SHOWN - 1; back >= 0; back--) {
            months.add(current.minusMonths(back));
        }
        return months;
    }

    private static Map<String, Document> entries(Document owner, String field) {
        Map<String, Document> lines = new LinkedHashMap<>();
        subDocument(owner, field).forEach((id, line) -> {
            if (line instanceof Document document) {
                lines.put(id, document);
            }
        });
        return lines;
    }

    private static Document subDocument(Document owner, String field) {
        return owner.get(field) instanceof Document document ? document : new Document();
    }

    /** The position of the last event that changed any of the documents a dashboard was read from. */
    private static long latestVersion(Document owner, List<Document> months) {
        return Math.max(version(owner), months.stream().mapToLong(DashboardReader::version).max().orElse(0));
    }

    private static long version(Document owner) {
        return number(owner.get(VersionGuard.VERSION));
    }

    private static long number(Object value) {
        return value instanceof Number number ? number.longValue() : 0;
    }

    private static boolean within(LocalDate date, LocalDate from, LocalDate toExclusive) {
        return !date.isBefore(from) && date.isBefore(toExclusive);
    }

    private static long overlapDays(LocalDate start, LocalDate end, LocalDate from, LocalDate toExclusive) {
        LocalDate overlapStart = start.isAfter(from) ? start : from;
        LocalDate overlapEnd = end.isBefore(toExclusive) ? end : toExclusive;
        return Math.max(0, ChronoUnit.DAYS.between(overlapStart, overlapEnd));
    }

    private static BigDecimal decimal(String value) {
        return value == null ? null : new BigDecimal(value);
    }

    private static Instant instant(String value) {
        return value == null ? null : Instant.parse(value);
    }

    private static LocalDate date(String value) {
        return value == null ? null : LocalDate.parse(value);
    }

}
