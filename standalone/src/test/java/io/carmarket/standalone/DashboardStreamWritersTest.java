package io.carmarket.standalone;

import io.carmarket.standalone.CarMarketClient.Session;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Spring MVC writes each stream's events from a task executor. Its fallback starts a new thread for every write and
 * warns that it is not for production; the services configure a bounded pool ({@code spring.task.execution}).
 */
@StandaloneSystemTest(properties = {DashboardStreamEndToEndTest.HEARTBEAT_EVERY_200_MS,
        DashboardStreamEndToEndTest.SHUT_DOWN_AT_ONCE})
class DashboardStreamWritersTest {

    private static final Duration FIRST_EVENT_WAIT = Duration.ofSeconds(10);
    private static final int STREAMS = 20;
    private static final int HEARTBEATS_EACH = 3;

    @LocalServerPort
    int port;

    @Value("${spring.task.execution.thread-name-prefix}")
    String writerThreadPrefix;

    @Value("${spring.task.execution.pool.max-size}")
    int writerPoolSize;

    private final HttpClient http = ServerSentEventStream.newHttpClient();

    @Test
    void many_streams_are_written_by_the_bounded_pool_of_writers() {
        CarMarketClient anonymous = new CarMarketClient(port);
        Session customer = anonymous.newUser("CUSTOMER");
        List<ServerSentEventStream> streams = new ArrayList<>();
        try {
            for (int i = 0; i < STREAMS; i++) {
                ServerSentEventStream stream = ServerSentEventStream.open(http,
                        "http://localhost:" + port + "/api/v1" + DashboardStreamEndToEndTest.ME_STREAM,
                        customer.accessToken(), null);
                assertThat(stream.nextEvent(FIRST_EVENT_WAIT).name()).isEqualTo("dashboard");
                streams.add(stream);
            }
            for (ServerSentEventStream stream : streams) {
                for (int beat = 0; beat < HEARTBEATS_EACH; beat++) {
                    stream.nextComment(FIRST_EVENT_WAIT);
                }
            }

            List<String> writers = threadsNamed(writerThreadPrefix);
            assertThat(writers).as("threads that wrote %d streams' events and heartbeats", STREAMS).isNotEmpty()
                    .hasSizeLessThanOrEqualTo(writerPoolSize);
            assertThat(threadsNamed("MvcAsync")).as("Spring MVC's thread-per-write fallback").isEmpty();
        } finally {
            streams.forEach(ServerSentEventStream::close);
        }
    }

    private static List<String> threadsNamed(String prefix) {
        return Thread.getAllStackTraces().keySet().stream().map(Thread::getName)
                .filter(name -> name.startsWith(prefix)).toList();
    }
}
