package io.carmarket.distributed;

import io.carmarket.distributed.client.Marketplace;
import io.carmarket.distributed.client.Marketplace.User;
import io.carmarket.distributed.deployment.AxonServerProcessors.Claim;
import io.carmarket.distributed.deployment.Deployment;
import io.carmarket.distributed.deployment.ServiceProcess;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.testcontainers.junit.jupiter.Testcontainers;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two query-service instances share the segments of the search projection ({@code car-search}: four segments, four
 * threads per instance), and one takes them all over when the other dies: what docs/operations.md ("Scale-out")
 * promises, with the settings of query-service's application.yml (balancing asked of Axon Server 5 s after start and
 * every 10 s; a claim times out 3 s after its owner's last word, and free threads look for segments every second).
 * <p>
 * Ownership is read from Axon Server's REST API. The kill is the last test (it leaves one instance).
 */
@Testcontainers(disabledWithoutDocker = true)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SegmentFailoverIT {

    private static final String SEARCH_PROCESSOR = "car-search";
    private static final List<Integer> EVERY_SEGMENT = List.of(0, 1, 2, 3);
    private static final Duration SHARED_AFTER_START = Duration.ofSeconds(30);
    private static final Duration SEARCHABLE_AFTER_KILL = Duration.ofSeconds(5);
    /** The survivor reports its new claims to Axon Server within a second or so of making them. */
    private static final Duration TAKEN_OVER = Duration.ofSeconds(15);

    private static Deployment deployment;
    private static Marketplace marketplace;
    private static ServiceProcess first;
    private static ServiceProcess second;

    @BeforeAll
    static void start() {
        deployment = Deployment.start(SegmentFailoverIT.class.getSimpleName(), 2);
        marketplace = new Marketplace(deployment.commandService().uri());
        first = deployment.queryServices().get(0);
        second = deployment.queryServices().get(1);
    }

    @AfterAll
    static void stop() {
        if (deployment != null) {
            deployment.close();
        }
    }

    @Test
    @Order(1)
    void the_two_instances_share_the_four_segments_of_the_search_projection_within_30_seconds_of_start() {
        await().atMost(SHARED_AFTER_START).untilAsserted(SegmentFailoverIT::assertSharedByBoth);
    }

    @Test
    @Order(2)
    void when_one_instance_is_killed_the_other_holds_every_segment_and_a_car_listed_at_once_is_searchable_within_5_s() {
        await("shared before the kill").atMost(SHARED_AFTER_START).untilAsserted(SegmentFailoverIT::assertSharedByBoth);
        User dealer = marketplace.newUser("DEALER");
        String make = Marketplace.uniqueMake();

        first.kill();
        String carId = marketplace.listCar(dealer, make);

        await("the survivor's search finds the car listed after the kill").atMost(SEARCHABLE_AFTER_KILL)
                .pollInterval(Duration.ofMillis(100))
                .untilAsserted(() -> assertThat(marketplace.carIdsFound(second.uri(), make)).containsExactly(carId));
        await("Axon Server shows the survivor holding every segment").atMost(TAKEN_OVER).untilAsserted(() -> {
            List<Claim> claims = deployment.queryServiceProcessors().claims(SEARCH_PROCESSOR);
            assertThat(claims).extracting(Claim::segmentId).containsExactlyInAnyOrderElementsOf(EVERY_SEGMENT);
            assertThat(claims).allMatch(claim -> heldBy(claim, second), "held by " + second.name());
        });
    }

    private static void assertSharedByBoth() {
        List<Claim> claims = deployment.queryServiceProcessors().claims(SEARCH_PROCESSOR);
        assertThat(claims).extracting(Claim::segmentId).as("each segment claimed once")
                .containsExactlyInAnyOrderElementsOf(EVERY_SEGMENT);
        assertThat(claims).as("some segments held by %s", first.name()).anyMatch(claim -> heldBy(claim, first));
        assertThat(claims).as("some segments held by %s", second.name()).anyMatch(claim -> heldBy(claim, second));
    }

    private static boolean heldBy(Claim claim, ServiceProcess instance) {
        return claim.clientId().contains(instance.name());
    }
}
