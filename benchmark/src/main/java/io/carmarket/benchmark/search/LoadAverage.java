package io.carmarket.benchmark.search;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The machine's one-minute load average (Linux), or null where it cannot be read. */
final class LoadAverage {

    private static final Path LOAD_AVERAGE = Path.of("/proc/loadavg");

    private LoadAverage() {
    }

    static Double oneMinute() {
        try {
            return Double.parseDouble(Files.readString(LOAD_AVERAGE).split(" ")[0]);
        } catch (IOException | RuntimeException unreadable) {
            return null;
        }
    }
}
