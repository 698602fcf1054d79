package io.carmarket.benchmark.eventstore;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The machine's limit for synchronous writes, measured in the same run and on the same file system as the event
 * store: {@code dd if=/dev/zero of=<dir>/dsync.bin bs=512 count=20000 oflag=dsync}, i.e. 20,000 writes of 512 bytes,
 * each reaching the disk before the next starts. Elapsed time is dd's own (the "copied, X s" of its summary); the
 * harness's own timing of the process is recorded too.
 */
final class SyncWriteLimit {

    private static final int WRITES = 20_000;
    private static final int BLOCK_BYTES = 512;
    private static final long TIMEOUT_SECONDS = 300;
    private static final Pattern ELAPSED = Pattern.compile("copied, ([0-9]+(?:[.,][0-9]+)?) s");

    private SyncWriteLimit() {
    }

    static Map<String, Object> measure(Path dir) throws IOException, InterruptedException {
        Path file = dir.resolve("dsync.bin");
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("command", "dd if=/dev/zero of=" + file + " bs=" + BLOCK_BYTES + " count=" + WRITES
                + " oflag=dsync");
        long start = System.nanoTime();
        Process dd;
        try {
            dd = new ProcessBuilder("dd", "if=/dev/zero", "of=" + file, "bs=" + BLOCK_BYTES, "count=" + WRITES,
                    "oflag=dsync").redirectErrorStream(true).start();
        } catch (IOException e) {
            result.put("error", "dd not available: " + e.getMessage());
            return result;
        }
        String output = new String(dd.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        boolean finished = dd.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        double wallSeconds = (System.nanoTime() - start) / 1e9;
        Files.deleteIfExists(file);
        result.put("ddOutput", output);
        if (!finished || dd.exitValue() != 0) {
            dd.destroyForcibly();
            result.put("error", "dd failed");
            return result;
        }
        Matcher elapsed = ELAPSED.matcher(output);
        double seconds = elapsed.find() ? Double.parseDouble(elapsed.group(1).replace(',', '.')) : wallSeconds;
        result.put("writes", WRITES);
        result.put("seconds", seconds);
        result.put("processSeconds", Math.round(wallSeconds * 1000) / 1000.0);
        result.put("writesPerSecond", Math.round(WRITES / seconds));
        return result;
    }
}
