package io.carmarket.standalone;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;

/**
 * One Server-Sent Events stream read the way a browser's {@code EventSource} reads it, over
 * {@link java.net.http.HttpClient}: lines are collected into blocks up to each blank line; a block with fields is an
 * {@link Event}, a block of comment lines only (a heartbeat) is kept as a comment. A refused request (any status but
 * 200) is not a stream: its status, content type and body are read at once.
 * <p>
 * A background thread reads the body into a queue, so that a test can wait for the next event with a timeout.
 * {@link #close()} drops the connection the way a closed browser tab does.
 */
final class ServerSentEventStream implements AutoCloseable {

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * One block of the stream. {@code name}, {@code id} and {@code data} are those of an event (absent fields are
     * null; several data lines are joined by a line feed); {@code comments} are its comment lines without the colon.
     */
    record Event(String name, String id, String data, List<String> comments) {

        boolean isComment() {
            return name == null && id == null && data == null;
        }

        JsonNode json() {
            try {
                return JSON.readTree(data);
            } catch (IOException e) {
                throw new UncheckedIOException("Not JSON: " + data, e);
            }
        }

        long numericId() {
            return Long.parseLong(id);
        }
    }

    /** Put in the queue when the body ends or fails: the stream is over. */
    private static final Event END = new Event(null, null, null, List.of("<end of stream>"));

    private final HttpResponse<InputStream> response;
    private final String refusal;
    private final BlockingQueue<Event> received = new LinkedBlockingQueue<>();
    private final List<Event> seen = new ArrayList<>();
    private volatile boolean closed;
    private volatile String failure;

    private ServerSentEventStream(HttpResponse<InputStream> response, String refusal) {
        this.response = response;
        this.refusal = refusal;
    }

    /** A client for many streams: HTTP/1.1, one connection per stream, as a browser has. */
    static HttpClient newHttpClient() {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(CONNECT_TIMEOUT).build();
    }

    /**
     * Opens {@code url}; returns when the response's head has arrived.
     *
     * @param accessToken a bearer token, or null for none
     * @param lastEventId sent as {@code Last-Event-ID}, as an {@code EventSource} does when it reconnects; or null
     */
    static ServerSentEventStream open(HttpClient http, String url, String accessToken, String lastEventId) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).GET()
                .header("Accept", "text/event-stream");
        if (accessToken != null) {
            request.header("Authorization", "Bearer " + accessToken);
        }
        if (lastEventId != null) {
            request.header("Last-Event-ID", lastEventId);
        }
        HttpResponse<InputStream> response;
        try {
            response = http.sendAsync(request.build(), HttpResponse.BodyHandlers.ofInputStream())
                    .get(CONNECT_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("No response head from " + url + " within " + CONNECT_TIMEOUT, e);
        }
        if (response.statusCode() != 200) {
            try (InputStream body = response.body()) {
                return new ServerSentEventStream(response, new String(body.readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        ServerSentEventStream stream = new ServerSentEventStream(response, null);
        Thread reader = new Thread(stream::read, "sse-reader " + url);
        reader.setDaemon(true);
        reader.start();
        return stream;
    }

    int status() {
        return response.statusCode();
    }

    Optional<String> header(String name) {
        return response.headers().firstValue(name);
    }

    String contentType() {
        return response.headers().firstValue("Content-Type").orElse(null);
    }

    /** The body of a refused request (status other than 200), as sent. */
    String refusalText() {
        return refusal;
    }

    /** The body of a refused request (status other than 200). */
    JsonNode refusal() {
        try {
            return JSON.readTree(refusal);
        } catch (IOException e) {
            throw new UncheckedIOException("Not JSON: " + refusal, e);
        }
    }

    /** The next block, event or comment; empty when none arrives within {@code timeout}. */
    Optional<Event> nextBlock(Duration timeout) {
        try {
            Event next = received.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (next == END) {
                received.add(END);
                throw new IllegalStateException("The stream ended" + (failure == null ? "" : " (" + failure + ")")
                        + "; before its end it sent " + seen);
            }
            if (next != null) {
                seen.add(next);
            }
            return Optional.ofNullable(next);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The next event, heartbeats skipped; empty when none arrives within {@code timeout}. */
    Optional<Event> nextEventWithin(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return Optional.empty();
            }
            Optional<Event> block = nextBlock(Duration.ofNanos(left));
            if (block.isEmpty()) {
                return Optional.empty();
            }
            if (!block.get().isComment()) {
                return block;
            }
        }
    }

    /** The next event, heartbeats skipped; fails when none arrives within {@code timeout}. */
    Event nextEvent(Duration timeout) {
        return nextEventWithin(timeout).orElseThrow(() -> new AssertionError(
                "No event within " + timeout + "; the stream sent " + seen));
    }

    /**
     * The first event within {@code timeout} whose JSON data satisfies {@code wanted}; the events before it are
     * passed over (each can be inspected with {@link #seen()}). Fails when none arrives in time.
     */
    Event nextEventWhere(Predicate<JsonNode> wanted, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            long left = deadline - System.nanoTime();
            Optional<Event> event = left <= 0 ? Optional.empty() : nextEventWithin(Duration.ofNanos(left));
            if (event.isEmpty()) {
                throw new AssertionError("No event as wanted within " + timeout + "; the stream sent " + seen);
            }
            if (wanted.test(event.get().json())) {
                return event.get();
            }
        }
    }

    /** The next block of comments only (a heartbeat), events passed over; fails when none comes within the timeout. */
    Event nextComment(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            long left = deadline - System.nanoTime();
            Optional<Event> block = left <= 0 ? Optional.empty() : nextBlock(Duration.ofNanos(left));
            if (block.isEmpty()) {
                throw new AssertionError("No comment within " + timeout + "; the stream sent " + seen);
            }
            if (block.get().isComment()) {
                return block.get();
            }
        }
    }

    /** Every block taken from the stream so far, in order. */
    List<Event> seen() {
        return List.copyOf(seen);
    }

    /** Drops the connection, as a client that goes away without a word. */
    @Override
    public void close() {
        closed = true;
        try {
            response.body().close();
        } catch (IOException ignored) {
            // Gone either way.
        }
    }

    private void read() {
        InputStream body = response.body();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
            String name = null;
            String id = null;
            StringBuilder data = null;
            List<String> comments = new ArrayList<>();
            String line;
            while ((line = lines.readLine()) != null) {
                if (line.isEmpty()) {
                    if (name != null || id != null || data != null || !comments.isEmpty()) {
                        received.add(new Event(name, id, data == null ? null : data.toString(), List.copyOf(comments)));
                    }
                    name = null;
                    id = null;
                    data = null;
                    comments.clear();
                    continue;
                }
                if (line.startsWith(":")) {
                    comments.add(line.substring(1));
                    continue;
                }
                int colon = line.indexOf(':');
                String field = colon < 0 ? line : line.substring(0, colon);
                String value = colon < 0 ? "" : line.substring(colon + 1);
                if (value.startsWith(" ")) {
                    value = value.substring(1);
                }
                switch (field) {
                    case "event" -> name = value;
                    case "id" -> id = value;
                    case "data" -> data = data == null ? new StringBuilder(value) : data.append('\n').append(value);
                    default -> {
                        // "retry" and unknown fields: nothing a dashboard uses.
                    }
                }
            }
        } catch (IOException e) {
            if (!closed) {
                failure = e.toString();
            }
        } finally {
            received.add(END);
        }
    }
}
