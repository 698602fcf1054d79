package io.carmarket.benchmark.search;

import io.carmarket.api.car.DateRange;
import io.carmarket.api.search.CarSearch;
import io.carmarket.api.search.CarSearchPage;
import io.carmarket.api.search.CarSortField;
import io.carmarket.api.search.CarSummary;
import io.carmarket.api.search.PriceType;
import io.carmarket.api.search.SortDirection;
import io.carmarket.benchmark.search.SyntheticMarket.Profile;
import io.carmarket.query.search.CarSearchQueryHandler;
import org.HdrHistogram.Histogram;

import java.time.Duration;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;

/**
 * The availability search, one query at a time from one thread: two equality filters drawn from a random public car
 * of the market (so popular makes and cities are asked more often, as on a real marketplace), a stay of a few nights
 * somewhere in the next two years, sorted by daily rate ascending, one page. Each query goes to the production
 * {@link CarSearchQueryHandler#search} with the production {@link CarSearch} record, the call the REST endpoint makes
 * through the QueryGateway. A warm-up, then a measured series, each bounded by a count and a time.
 * <p>
 * Besides the latency, the CPU time the JVM's threads (this client and the embedded server) spent on each query is
 * recorded: on a machine shared with other work, latency includes waiting for a core, CPU time does not (it excludes
 * the garbage collector's threads). The one-minute load average at start and end tells how busy the machine was.
 */
final class SearchLoad {

    /** The REST API's default page size. */
    static final int PAGE_SIZE = 20;
    private static final int MAX_NIGHTS = 14;
    private static final long HIGHEST_TRACKABLE_MICROS = TimeUnit.SECONDS.toMicros(60);
    private static final int SIGNIFICANT_DIGITS = 3;
    private static final double MICROS_PER_MILLI = 1_000.0;
    private static final double PERCENTILE_50 = 50;
    private static final double PERCENTILE_95 = 95;
    private static final double PERCENTILE_99 = 99;
    private static final double THOUSANDTHS = 1_000.0;

    /** The two filters of a query. */
    enum Shape {
        MAKE_AND_BODY_TYPE, CITY_AND_TRANSMISSION
    }

    record Bounds(int warmupQueries, Duration warmupLimit, int measuredQueries, Duration measuredLimit) {
    }

    private final CarSearchQueryHandler handler;
    private final List<Profile> publicCars;
    private final LocalDate today;
    private final Random random;

    SearchLoad(CarSearchQueryHandler handler, List<Profile> publicCars, LocalDate today, long seed) {
        this.handler = handler;
        this.publicCars = publicCars;
        this.today = today;
        this.random = new Random(seed);
    }

    Map<String, Object> run(Bounds bounds) {
        long warmupStart = System.nanoTime();
        long warmupEnd = warmupStart + bounds.warmupLimit().toNanos();
        int warmups = 0;
        while (warmups < bounds.warmupQueries() && System.nanoTime() < warmupEnd) {
            handler.search(nextSearch(Shape.values()[random.nextInt(Shape.values().length)]));
            warmups++;
        }
        double warmupSeconds = (System.nanoTime() - warmupStart) / 1e9;

        Histogram all = histogram();
        Histogram cpu = histogram();
        Map<Shape, Histogram> byShape = new EnumMap<>(Shape.class);
        for (Shape shape : Shape.values()) {
            byShape.put(shape, histogram());
        }
        long items = 0;
        long available = 0;
        long fullPages = 0;
        int measured = 0;
        Double loadAtStart = LoadAverage.oneMinute();
        long start = System.nanoTime();
        long end = start + bounds.measuredLimit().toNanos();
        while (measured < bounds.measuredQueries() && System.nanoTime() < end) {
            Shape shape = Shape.values()[random.nextInt(Shape.values().length)];
            CarSearch search = nextSearch(shape);
            long cpuBefore = JvmCpuTime.nanos();
            long sent = System.nanoTime();
            CarSearchPage page = handler.search(search);
            long micros = TimeUnit.NANOSECONDS.toMicros(System.nanoTime() - sent);
            cpu.recordValue(TimeUnit.NANOSECONDS.toMicros(Math.max(0, JvmCpuTime.nanos() - cpuBefore)));
            all.recordValue(micros);
            byShape.get(shape).recordValue(micros);
            items += page.items().size();
            available += page.items().stream().map(CarSummary::available).filter(Boolean.TRUE::equals).count();
            fullPages += page.nextCursor() != null ? 1 : 0;
            measured++;
        }
        double seconds = (System.nanoTime() - start) / 1e9;

        Map<String, Object> result = new LinkedHashMap<>();
        result.put("warmupQueries", warmups);
        result.put("warmupSeconds", round(warmupSeconds));
        result.put("queries", measured);
        result.put("seconds", round(seconds));
        result.put("queriesPerSecond", round(measured / seconds));
        result.putAll(percentiles(all));
        result.put("meanMs", round(all.getMean() / MICROS_PER_MILLI));
        result.put("maxMs", round(all.getMaxValue() / MICROS_PER_MILLI));
        Map<String, Object> cpuTime = percentiles(cpu);
        result.put("cpu", cpuTime);
        result.put("loadAverage1mAtStart", loadAtStart);
        result.put("loadAverage1mAtEnd", LoadAverage.oneMinute());
        for (Shape shape : Shape.values()) {
            Map<String, Object> perShape = new LinkedHashMap<>();
            perShape.put("queries", byShape.get(shape).getTotalCount());
            perShape.putAll(percentiles(byShape.get(shape)));
            result.put(shape.name(), perShape);
        }
        result.put("itemsPerPage", round((double) items / measured));
        result.put("availableItemsPerPage", round((double) available / measured));
        result.put("shareOfPagesWithANextPage", round((double) fullPages / measured));
        return result;
    }

    private CarSearch nextSearch(Shape shape) {
        Profile car = publicCars.get(random.nextInt(publicCars.size()));
        LocalDate from = today.plusDays(random.nextInt(SyntheticMarket.BOOKING_HORIZON_DAYS - MAX_NIGHTS));
        DateRange stay = new DateRange(from, from.plusDays(1 + random.nextInt(MAX_NIGHTS)));
        boolean byMake = shape == Shape.MAKE_AND_BODY_TYPE;
        return new CarSearch(byMake ? List.of(car.make()) : List.of(), PriceType.DAILY_RATE, null, null, null, null,
                byMake ? car.bodyType() : null, byMake ? null : car.transmission(), null, null,
                byMake ? null : car.city(), null, stay, CarSortField.PRICE, SortDirection.ASC, null, PAGE_SIZE);
    }

    private static Histogram histogram() {
        return new Histogram(HIGHEST_TRACKABLE_MICROS, SIGNIFICANT_DIGITS);
    }

    private static Map<String, Object> percentiles(Histogram histogram) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("p50Ms", round(histogram.getValueAtPercentile(PERCENTILE_50) / MICROS_PER_MILLI));
        values.put("p95Ms", round(histogram.getValueAtPercentile(PERCENTILE_95) / MICROS_PER_MILLI));
        values.put("p99Ms", round(histogram.getValueAtPercentile(PERCENTILE_99) / MICROS_PER_MILLI));
        return values;
    }

    /** To three decimals, enough for milliseconds and seconds in the JSON. */
    static double round(double value) {
        return Math.round(value * THOUSANDTHS) / THOUSANDTHS;
    }
}
