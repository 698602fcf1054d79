package io.carmarket.standalone;

import io.carmarket.standalone.CarMarketClient.Session;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Conditional GETs over HTTP: a read answers with an ETag, the same read with {@code If-None-Match} naming it gets
 * 304 without a body, and a write that changes what the read shows changes its ETag.
 */
@StandaloneSystemTest
class ConditionalGetEndToEndTest {

    private static final Duration PROJECTION_WAIT = Duration.ofSeconds(15);

    @LocalServerPort
    int port;

    private CarMarketClient anonymous;
    private Session dealerSession;
    private CarMarketClient dealer;
    private String carId;

    @BeforeEach
    void aListedCar() {
        anonymous = new CarMarketClient(port);
        dealerSession = anonymous.newUser("DEALER");
        dealer = anonymous.as(dealerSession);
        carId = dealer.listCar(anonymous.carListing(Dashboards.uniqueMake()));
        await().atMost(PROJECTION_WAIT).until(() -> anonymous.get("/cars/" + carId).getStatusCode().value() == 200);
    }

    @Test
    void the_car_page_answers_304_to_its_own_etag() {
        ResponseEntity<String> page = anonymous.getText("/cars/" + carId);
        String etag = page.getHeaders().getETag();
        assertThat(etag).isNotBlank();

        ResponseEntity<String> again = ifNoneMatch(anonymous, "/cars/" + carId, etag);

        assertThat(again.getStatusCode().value()).isEqualTo(304);
        assertThat(again.getBody()).isNull();
        assertThat(again.getHeaders().getETag()).isEqualTo(etag);
    }

    @Test
    void a_price_change_changes_the_car_pages_etag_and_the_old_one_gets_the_new_page() {
        String before = anonymous.getText("/cars/" + carId).getHeaders().getETag();

        dealer.exchange(HttpMethod.PATCH, "/cars/" + carId, Map.of("dailyRate", "123.45"));

        await().atMost(PROJECTION_WAIT).untilAsserted(() -> {
            ResponseEntity<String> revalidated = ifNoneMatch(anonymous, "/cars/" + carId, before);
            assertThat(revalidated.getStatusCode().value()).isEqualTo(200);
            assertThat(revalidated.getHeaders().getETag()).isNotEqualTo(before);
            assertThat(revalidated.getBody()).contains("123.45");
        });
    }

    @Test
    void a_search_page_is_revalidated_and_a_new_matching_listing_changes_it() {
        String make = Dashboards.uniqueMake();
        dealer.listCar(anonymous.carListing(make));
        String search = "/cars?make=" + make;
        await().atMost(PROJECTION_WAIT).until(() -> CarMarketClient.items(anonymous.search("make=" + make)).size() == 1);
        String etag = anonymous.getText(search).getHeaders().getETag();
        assertThat(ifNoneMatch(anonymous, search, etag).getStatusCode().value()).isEqualTo(304);

        dealer.listCar(anonymous.carListing(make));

        await().atMost(PROJECTION_WAIT).untilAsserted(() ->
                assertThat(ifNoneMatch(anonymous, search, etag).getStatusCode().value()).isEqualTo(200));
    }

    @Test
    void a_booking_changes_the_availability_etag() {
        String availability = "/cars/" + carId + "/availability";
        String etag = anonymous.getText(availability).getHeaders().getETag();
        assertThat(ifNoneMatch(anonymous, availability, etag).getStatusCode().value()).isEqualTo(304);
        CarMarketClient customer = anonymous.as(anonymous.newUser("CUSTOMER"));

        LocalDate start = LocalDate.now().plusDays(40);
        assertThat(customer.book(carId, start, start.plusDays(2)).getStatusCode().value()).isEqualTo(201);

        await().atMost(PROJECTION_WAIT).untilAsserted(() ->
                assertThat(ifNoneMatch(anonymous, availability, etag).getStatusCode().value()).isEqualTo(200));
    }

    @Test
    void a_signed_in_read_is_private_varies_with_the_token_and_is_revalidated() {
        Session customerSession = anonymous.newUser("CUSTOMER");
        CarMarketClient customer = anonymous.as(customerSession);
        LocalDate start = LocalDate.now().plusDays(60);
        customer.book(carId, start, start.plusDays(1));
        await().atMost(PROJECTION_WAIT).until(() ->
                CarMarketClient.items(customer.get("/bookings").getBody()).size() == 1);

        ResponseEntity<String> bookings = customer.getText("/bookings");

        assertThat(bookings.getHeaders().getCacheControl()).isEqualTo("private, no-cache");
        assertThat(bookings.getHeaders().getVary()).contains(HttpHeaders.AUTHORIZATION);
        String etag = bookings.getHeaders().getETag();
        assertThat(ifNoneMatch(customer, "/bookings", etag).getStatusCode().value()).isEqualTo(304);

        customer.book(carId, start.plusDays(3), start.plusDays(4));
        await().atMost(PROJECTION_WAIT).untilAsserted(() ->
                assertThat(ifNoneMatch(customer, "/bookings", etag).getStatusCode().value()).isEqualTo(200));
    }

    @Test
    void the_dealer_dashboard_json_is_revalidated() {
        ResponseEntity<String> dashboard = dealer.getText(Dashboards.DEALER);
        String etag = dashboard.getHeaders().getETag();

        assertThat(etag).isNotBlank();
        assertThat(ifNoneMatch(dealer, Dashboards.DEALER, etag).getStatusCode().value()).isEqualTo(304);
    }

    @Test
    void the_dealers_inventory_is_revalidated_and_a_withdrawal_changes_it() {
        await().atMost(PROJECTION_WAIT).until(() ->
                CarMarketClient.items(dealer.get("/dealer/cars").getBody()).size() == 1);
        String etag = dealer.getText("/dealer/cars").getHeaders().getETag();
        assertThat(ifNoneMatch(dealer, "/dealer/cars", etag).getStatusCode().value()).isEqualTo(304);

        dealer.post("/cars/" + carId + "/withdraw", null);

        await().atMost(PROJECTION_WAIT).untilAsserted(() ->
                assertThat(ifNoneMatch(dealer, "/dealer/cars", etag).getStatusCode().value()).isEqualTo(200));
    }

    @Test
    void a_public_read_may_be_kept_by_any_cache_but_only_after_revalidation() {
        ResponseEntity<String> page = anonymous.getText("/cars/" + carId);

        assertThat(page.getHeaders().getCacheControl()).isEqualTo("no-cache");
    }

    @Test
    void a_live_stream_is_not_buffered_for_an_etag() {
        ServerSentEventStream stream = ServerSentEventStream.open(ServerSentEventStream.newHttpClient(),
                "http://localhost:" + port + "/api/v1" + DashboardStreamEndToEndTest.DEALER_STREAM,
                dealerSession.accessToken(), null);
        try {
            assertThat(stream.nextEvent(Duration.ofSeconds(5)).name()).isEqualTo("dashboard");
            assertThat(stream.header(HttpHeaders.ETAG)).isEmpty();
        } finally {
            stream.close();
        }
    }

    @Test
    void a_write_gets_no_etag() {
        ResponseEntity<?> listing = dealer.exchange(HttpMethod.POST, "/cars", anonymous.carListing("Nowrite"));

        assertThat(listing.getStatusCode().value()).isEqualTo(201);
        assertThat(listing.getHeaders().getETag()).isNull();
    }

    private static ResponseEntity<String> ifNoneMatch(CarMarketClient client, String path, String etag) {
        HttpHeaders headers = new HttpHeaders();
        headers.setIfNoneMatch(etag);
        return client.exchangeText(HttpMethod.GET, path, headers);
    }
}
