package io.carmarket.distributed.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.carmarket.distributed.client.Marketplace.User;

import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * A dashboard's live stream ({@code GET /api/v1/dashboards/.../stream}, Server-Sent Events) read by a background
 * thread: each {@code dashboard} event's data, as JSON, in the order they arrive. Heartbeats and other fields are
 * ignored.
 */
public final class DashboardStream implements AutoCloseable {

    private static final Duration RESPONSE_HEAD_TIMEOUT = Duration.ofSeconds(10);

    private final Stream<String> lines;
    private final BlockingQueue<JsonNode> dashboards = new LinkedBlockingQueue<>();
    private final List<JsonNode> seen = new ArrayList<>();

    private DashboardStream(Stream<String> lines) {
        this.lines = lines;
    }

    /** Opens the stream at {@code path} (e.g. {@code /api/v1/dashboards/dealer/stream}) of one query-service. */
    public static DashboardStream open(URI queryService, String path, User user) {
        HttpRequest request = HttpRequest.newBuilder(queryService.resolve(path))
                .header("Accept", "text/event-stream")
                .header("Authorization", "Bearer " + user.accessToken())
                .GET().build();
        HttpResponse<Stream<String>> response;
        try {
            response = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build().sendAsync(request, HttpResponse.BodyHandlers.ofLines())
                    .get(RESPONSE_HEAD_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("No answer from " + request.uri(), e);
        }
        if (response.statusCode() != 200) {
            response.body().close();
            throw new IllegalStateException(request.uri() + " answered " + response.statusCode());
        }
        DashboardStream stream = new DashboardStream(response.body());
        Thread reader = new Thread(stream::read, "dashboard-stream " + request.uri());
        reader.setDaemon(true);
        reader.start();
        return stream;
    }

    /** The first dashboard within {@code timeout} that {@code wanted} accepts; fails when none arrives. */
    public JsonNode awaitDashboard(Predicate<JsonNode> wanted, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            while (true) {
                JsonNode next = dashboards.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
                if (next == null) {
                    throw new AssertionError("No dashboard as wanted within " + timeout + "; received " + seen);
                }
                seen.add(next);
                if (wanted.test(next)) {
                    return next;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        lines.close();
    }

    private void read() {
        StringBuilder data = new StringBuilder();
        String event = null;
        try {
            for (String line : (Iterable<String>) lines::iterator) {
                if (line.isEmpty()) {
                    if ("dashboard".equals(event) && !data.isEmpty()) {
                        dashboards.add(JsonHttp.JSON.readTree(data.toString()));
                    }
                    event = null;
                    data.setLength(0);
                } else if (line.startsWith("event:")) {
                    event = line.substring("event:".length()).trim();
                } else if (line.startsWith("data:")) {
                    data.append(data.isEmpty() ? "" : "\n").append(line.substring("data:".length()).stripLeading());
                }
            }
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        } catch (UncheckedIOException closed) {
            // The stream was closed, by close() or by the server.
        }
    }
}
