package io.carmarket.distributed;

import com.fasterxml.jackson.databind.JsonNode;
import io.carmarket.distributed.client.DashboardStream;
import io.carmarket.distributed.client.JsonHttp.Answer;
import io.carmarket.distributed.client.Marketplace;
import io.carmarket.distributed.client.Marketplace.User;
import io.carmarket.distributed.deployment.AxonServerProcessors.Claim;
import io.carmarket.distributed.deployment.Deployment;
import io.carmarket.distributed.deployment.ServiceProcess;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testcontainers.junit.jupiter.Testcontainers;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The distributed deployment in a steady state: one command-service and two query-service instances on one Axon
 * Server and one MongoDB. What only this deployment can show: reads served by either instance, bookings decided by
 * the aggregate behind Axon Server's command routing, and live updates that cross from the instance whose processor
 * saw the event to the instance holding the client's stream.
 */
@Testcontainers(disabledWithoutDocker = true)
class DistributedDeploymentIT {

    /** A projection needs its batch, and the search a poll: seconds, on a build machine busy with containers. */
    private static final Duration PROJECTION_WAIT = Duration.ofSeconds(20);
    private static final Duration UPDATE_WAIT = Duration.ofSeconds(15);
    private static final int CONCURRENT_CUSTOMERS = 8;

    private static Deployment deployment;
    private static Marketplace marketplace;

    private final LocalDate today = LocalDate.now(ZoneId.of("Europe/Berlin"));

    @BeforeAll
    static void start() {
        deployment = Deployment.start(DistributedDeploymentIT.class.getSimpleName(), 2);
        marketplace = new Marketplace(deployment.commandService().uri());
    }

    @AfterAll
    static void stop() {
        if (deployment != null) {
            deployment.close();
        }
    }

    @Test
    void a_car_listed_through_command_service_is_found_by_search_on_both_query_service_instances() {
        User dealer = marketplace.newUser("DEALER");
        String make = Marketplace.uniqueMake();

        String carId = marketplace.listCar(dealer, make);

        for (ServiceProcess queryService : deployment.queryServices()) {
            await(queryService.name() + " finds the car").atMost(PROJECTION_WAIT).untilAsserted(() ->
                    assertThat(marketplace.carIdsFound(queryService.uri(), make)).containsExactly(carId));
        }
    }

    @Test
    void of_concurrent_bookings_of_the_same_days_exactly_one_is_accepted_and_the_others_are_refused_as_conflicts()
            throws Exception {
        String carId = marketplace.listCar(marketplace.newUser("DEALER"), Marketplace.uniqueMake());
        List<User> customers = new ArrayList<>();
        for (int i = 0; i < CONCURRENT_CUSTOMERS; i++) {
            customers.add(marketplace.newUser("CUSTOMER"));
        }
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Answer>> bookings = new ArrayList<>();
        ExecutorService clients = Executors.newFixedThreadPool(CONCURRENT_CUSTOMERS);
        try {
            for (User customer : customers) {
                Callable<Answer> booking = () -> {
                    go.await();
                    return marketplace.book(customer, carId, today.plusDays(10), today.plusDays(13));
                };
                bookings.add(clients.submit(booking));
            }

            go.countDown();

            List<Integer> statuses = new ArrayList<>();
            for (Future<Answer> booking : bookings) {
                statuses.add(booking.get().status());
            }
            assertThat(statuses).as("one booking wins, every other one conflicts with it")
                    .containsOnlyOnce(201)
                    .containsOnly(201, 409);
        } finally {
            clients.shutdownNow();
        }
    }

    /**
     * The {@code dashboards} processor has one segment, so exactly one instance runs it; the stream is opened on the
     * other one, whose own processors never see the booking. The update reaches it only through Axon Server's query
     * bus.
     */
    @Test
    void a_dashboard_stream_on_the_instance_not_running_the_dashboards_processor_receives_the_update_of_a_booking() {
        ServiceProcess elsewhere = instanceNotRunningTheDashboardsProcessor();
        User dealer = marketplace.newUser("DEALER");
        String carId = marketplace.listCar(dealer, Marketplace.uniqueMake());
        User customer = marketplace.newUser("CUSTOMER");

        try (DashboardStream stream = DashboardStream.open(elsewhere.uri(), "/api/v1/dashboards/dealer/stream",
                dealer)) {
            stream.awaitDashboard(any -> true, UPDATE_WAIT);
            Answer booked = marketplace.book(customer, carId, today.plusDays(2), today.plusDays(5));
            assertThat(booked.status()).as("%s", booked).isEqualTo(201);
            String bookingId = booked.body().path("bookingId").asText();

            stream.awaitDashboard(dashboard -> bookingIdsOf(dashboard).contains(bookingId), UPDATE_WAIT);
        }
    }

    private static ServiceProcess instanceNotRunningTheDashboardsProcessor() {
        List<Claim> claims = await("one instance claims the dashboards segment").atMost(PROJECTION_WAIT)
                .until(() -> deployment.queryServiceProcessors().claims("dashboards"), found -> found.size() == 1);
        String runner = claims.get(0).clientId();
        assertThat(deployment.queryServices()).as("the instance with client id %s", runner)
                .anyMatch(instance -> runner.contains(instance.name()));
        return deployment.queryServices().stream()
                .filter(instance -> !runner.contains(instance.name()))
                .findFirst().orElseThrow();
    }

    private static List<String> bookingIdsOf(JsonNode dealerDashboard) {
        return StreamSupport.stream(dealerDashboard.path("pickUpsNext7Days").spliterator(), false)
                .map(pickUp -> pickUp.path("bookingId").asText())
                .toList();
    }
}
