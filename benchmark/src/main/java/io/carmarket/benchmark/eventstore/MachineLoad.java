package io.carmarket.benchmark.eventstore;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How busy the machine was, recorded before and after an in-process measurement: the 1-minute load average and
 * the kernel's pressure stall figures ("some avg60": the share of the last minute in which some task waited for
 * the CPU, or for I/O). On a 2-core machine shared with other work, high values mean the measurement competed for
 * the CPU or the disk, which shows in its tail latencies and in the synchronous-write rate.
 */
public final class MachineLoad {

    private static final Path LOAD_AVERAGE = Path.of("/proc/loadavg");
    private static final Path CPU_PRESSURE = Path.of("/proc/pressure/cpu");
    private static final Path IO_PRESSURE = Path.of("/proc/pressure/io");
    private static final Pattern SOME_AVG60 = Pattern.compile("^some .*avg60=([0-9.]+)", Pattern.MULTILINE);

    private MachineLoad() {
    }

    /** Values are null where /proc does not have them. */
    public static Map<String, Object> now() {
        Map<String, Object> load = new LinkedHashMap<>();
        load.put("loadAverage1m", read(LOAD_AVERAGE, text -> Double.parseDouble(text.trim().split("\\s+")[0])));
        load.put("cpuPressureSomeAvg60Percent", read(CPU_PRESSURE, MachineLoad::someAvg60));
        load.put("ioPressureSomeAvg60Percent", read(IO_PRESSURE, MachineLoad::someAvg60));
        return load;
    }

    private static Double someAvg60(String text) {
        Matcher matcher = SOME_AVG60.matcher(text);
        return matcher.find() ? Double.parseDouble(matcher.group(1)) : null;
    }

    private interface Parser {
        Double parse(String text);
    }

    private static Double read(Path file, Parser parser) {
        try {
            return parser.parse(Files.readString(file));
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
