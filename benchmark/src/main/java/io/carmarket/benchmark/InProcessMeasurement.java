package io.carmarket.benchmark;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A measurement the harness runs inside its own JVM rather than over HTTP (issue 6, measurements 4, 5 and 7): the
 * part of the system it measures (read-model store, aggregate repository, event store) is built here on the same
 * embedded stores and settings as the standalone, so a million-row read model or a 10,000-event car need not be
 * produced through the API first.
 */
public interface InProcessMeasurement {

    /** Short key, used on the command line ({@code --in-process 4,5,7}) and in the JSON. */
    String key();

    /**
     * One run, from nothing: builds its own stores under {@code workDir} (a fresh, empty directory the harness
     * deletes afterwards), warms up, measures, closes everything. Returns JSON-ready metrics of this run.
     */
    Map<String, Object> runOnce(Path workDir) throws Exception;

    /** The table's rows (median and spread over the runs) from the metrics of every run, in run order. */
    List<Row> rows(List<Map<String, Object>> runs);
}
