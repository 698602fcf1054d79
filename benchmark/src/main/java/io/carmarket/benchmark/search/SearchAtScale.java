package io.carmarket.benchmark.search;

import io.carmarket.api.car.CarStatus;
import io.carmarket.benchmark.InProcessMeasurement;
import io.carmarket.benchmark.Row;
import io.carmarket.benchmark.search.SyntheticMarket.Profile;
import io.carmarket.query.search.CarSearchEntry;
import io.carmarket.query.search.CarSearchIndexes;
import io.carmarket.query.search.CarSearchKeys;
import io.carmarket.query.search.CarSearchQueryHandler;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Issue 6, measurement 4: the availability search at scale on the standalone's embedded read-model store. For each
 * scale, a fresh store is filled with a generated market (bulk inserts of each car's search entry and search keys,
 * as the projection holds them) and then searched through the production query handler, one query at a time; see
 * {@link SearchLoad}.
 */
public final class SearchAtScale implements InProcessMeasurement {

    private static final int INSERT_BATCH = 1_000;
    private static final long MARKET_SEED = 20_261_122L;
    private static final long QUERY_SEED = 4L;
    private static final double BYTES_PER_MB = 1024.0 * 1024.0;
    private static final int WARMUP_QUERIES = 200;
    private static final Duration WARMUP_LIMIT = Duration.ofSeconds(30);
    private static final int MEASURED_QUERIES = 1_000;
    /** Comma-separated scale ids to run (default all), e.g. {@code -Dcarmarket.benchmark.search.scales=10k}. */
    private static final String SCALES_PROPERTY = "carmarket.benchmark.search.scales";

    /** A market size, with how long its measured series may take and the p95 it must meet. */
    record Scale(String id, String label, int cars, Duration measuredLimit, double p95TargetMs) {
    }

    private static final List<Scale> SCALES = List.of(
            new Scale("10k", "10k cars / 100k booked intervals", 10_000, Duration.ofSeconds(60), 30.0),
            new Scale("100k", "100k cars / 1M booked intervals", 100_000, Duration.ofSeconds(100), 150.0));

    @Override
    public String key() {
        return "4";
    }

    @Override
    public Map<String, Object> runOnce(Path workDir) throws Exception {
        Map<String, Object> result = new LinkedHashMap<>();
        for (Scale scale : selectedScales()) {
            System.out.printf("  search at scale: %s%n", scale.label());
            result.put(scale.id(), runScale(scale, Files.createDirectories(workDir.resolve(scale.id()))));
        }
        return result;
    }

    private static List<Scale> selectedScales() {
        String selected = System.getProperty(SCALES_PROPERTY);
        if (selected == null || selected.isBlank()) {
            return SCALES;
        }
        List<String> ids = List.of(selected.split(","));
        return SCALES.stream().filter(scale -> ids.contains(scale.id())).toList();
    }

    private static Map<String, Object> runScale(Scale scale, Path directory) throws IOException {
        Map<String, Object> metrics = new LinkedHashMap<>();
        Instant now = Instant.now();
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        try (EmbeddedReadModelStore store = EmbeddedReadModelStore.open(directory)) {
            MongoTemplate template = store.template();
            new CarSearchIndexes(template).ensureIndexes();
            ProjectedVocabulary vocabulary = ProjectedVocabulary.derive(store.client());

            SyntheticMarket market = new SyntheticMarket(MARKET_SEED, now, today, vocabulary);
            List<Profile> publicCars = new ArrayList<>();
            long intervals = 0;
            long seedStart = System.nanoTime();
            List<CarSearchEntry> batch = new ArrayList<>(INSERT_BATCH);
            // As the projection keeps them: an entry for every car, search keys for the public ones only.
            List<CarSearchKeys> keysBatch = new ArrayList<>(INSERT_BATCH);
            for (int number = 1; number <= scale.cars(); number++) {
                CarSearchEntry car = market.car(number);
                intervals += car.bookedPeriods().size();
                batch.add(car);
                if (car.status() == CarStatus.LISTED || car.status() == CarStatus.RESERVED) {
                    publicCars.add(SyntheticMarket.profileOf(car));
                    keysBatch.add(CarSearchKeys.of(car));
                }
                if (batch.size() == INSERT_BATCH || number == scale.cars()) {
                    template.insert(batch, CarSearchEntry.class);
                    template.insert(keysBatch, CarSearchKeys.class);
                    batch.clear();
                    keysBatch.clear();
                }
            }
            double seedSeconds = (System.nanoTime() - seedStart) / 1e9;
            long documents = template.getCollection(CarSearchEntry.COLLECTION).estimatedDocumentCount();
            long keysDocuments = template.getCollection(CarSearchKeys.COLLECTION).estimatedDocumentCount();
            System.out.printf("  seeded %d car entries and %d search keys (%d public cars), %d booked intervals"
                    + " in %.1f s%n", documents, keysDocuments, publicCars.size(), intervals, seedSeconds);
            metrics.put("cars", scale.cars());
            metrics.put("documents", documents);
            metrics.put("keysDocuments", keysDocuments);
            metrics.put("publicCars", publicCars.size());
            metrics.put("bookedIntervals", intervals);
            metrics.put("seedSeconds", SearchLoad.round(seedSeconds));

            SearchLoad load = new SearchLoad(new CarSearchQueryHandler(template), publicCars, today, QUERY_SEED);
            Map<String, Object> search = load.run(new SearchLoad.Bounds(WARMUP_QUERIES, WARMUP_LIMIT,
                    MEASURED_QUERIES, scale.measuredLimit()));
            System.out.printf("  search: %s%n", search);
            metrics.put("search", search);
        }
        metrics.put("storeFileMb", SearchLoad.round(sizeOf(directory) / BYTES_PER_MB));
        return metrics;
    }

    private static long sizeOf(Path directory) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            long bytes = 0;
            for (Path file : files.toList()) {
                bytes += Files.size(file);
            }
            return bytes;
        }
    }

    @Override
    public List<Row> rows(List<Map<String, Object>> runs) {
        List<Row> rows = new ArrayList<>();
        for (Scale scale : selectedScales()) {
            String name = "4. availability search (2 equality filters, sort by price, " + SearchLoad.PAGE_SIZE
                    + " per page, 1 client, embedded store), " + scale.label();
            String id = "4-" + scale.id();
            rows.add(new Row(id + "-p50", name + ": p50", "ms", null, false, searchValues(runs, scale, "p50Ms")));
            rows.add(new Row(id + "-p95", name + ": p95", "ms", scale.p95TargetMs(), false,
                    searchValues(runs, scale, "p95Ms")));
            rows.add(new Row(id + "-p99", name + ": p99", "ms", null, false, searchValues(runs, scale, "p99Ms")));
            rows.add(new Row(id + "-cpu-p95", name + ": p95 of the CPU time per query (client and embedded server"
                    + " threads; excludes waiting for a core)", "ms", null, false, cpuValues(runs, scale, "p95Ms")));
            rows.add(new Row(id + "-seed", "4. seeding the read model (bulk insert), " + scale.label(), "s", null,
                    false, runs.stream().map(run -> number(scaleOf(run, scale).get("seedSeconds"))).toList()));
        }
        return rows;
    }

    private static List<Double> searchValues(List<Map<String, Object>> runs, Scale scale, String field) {
        return runs.stream().map(run -> {
            Object search = scaleOf(run, scale).get("search");
            return search instanceof Map<?, ?> values ? number(values.get(field)) : null;
        }).toList();
    }

    private static List<Double> cpuValues(List<Map<String, Object>> runs, Scale scale, String field) {
        return runs.stream().map(run -> {
            Object search = scaleOf(run, scale).get("search");
            Object cpu = search instanceof Map<?, ?> values ? values.get("cpu") : null;
            return cpu instanceof Map<?, ?> values ? number(values.get(field)) : null;
        }).toList();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> scaleOf(Map<String, Object> run, Scale scale) {
        Object metrics = run.get(scale.id());
        return metrics instanceof Map<?, ?> ? (Map<String, Object>) metrics : Map.of();
    }

    private static Double number(Object value) {
        return value instanceof Number n ? n.doubleValue() : null;
    }
}
