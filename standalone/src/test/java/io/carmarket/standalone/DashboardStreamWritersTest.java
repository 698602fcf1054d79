package io.carmarket.standalone;

import io.carmarket.standalone.CarMarketClient.Session;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

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

    /** Spring Boot's task pool, which Spring MVC uses for its asynchronous work when it exists. */
    @Autowired
    @Qualifier("applicationTaskExecutor")
    ThreadPoolTaskExecutor writers;

    private final HttpClient http = ServerSentEventStream.newHttpClient();

    @Test
    void many_streams_are_written_by_the_bounded_pool_of_writers() {
        CarMarketClient anonymous = new CarMarketClient(port);
        Session customer = anonymous.newUser("CUSTOMER");
        List<ServerSentEventStream> streams = new ArrayList<>();
        long writesBefore = writers.getThreadPoolExecutor().getCompletedTaskCount();
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

            assertThat(writers.getThreadPoolExecutor().getCompletedTaskCount() - writesBefore)
                    .as("writes done by the pool for %d streams' first events and heartbeats", STREAMS)
                    .isGreaterThanOrEqualTo(STREAMS * (1 + HEARTBEATS_EACH));
            assertThat(writers.getPoolSize()).isLessThanOrEqualTo(writers.getMaxPoolSize());
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
