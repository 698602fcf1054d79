package io.carmarket.standalone;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.carmarket.standalone.CarMarketClient.Session;
import org.springframework.http.ResponseEntity;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What the dashboard tests share: the admin and auditor accounts, reading a dashboard as JSON, waiting for the
 * dashboards' projection, and finding a figure in a dashboard.
 */
final class Dashboards {

    static final String DEALER = "/dashboards/dealer";
    static final String ADMIN = "/dashboards/admin";
    static final String ME = "/dashboards/me";
    static final List<String> ALL = List.of(DEALER, ADMIN, ME);

    static final String ADMIN_EMAIL = "admin@test.carmarket.local";
    static final String ADMIN_PASSWORD = "Test-Root-2026!";
    private static final String AUDITOR_PASSWORD = "Ledger-Check-77";
    private static final Duration PROJECTION_WAIT = Duration.ofSeconds(30);

    private Dashboards() {
    }

    static CarMarketClient admin(CarMarketClient anonymous) {
        return anonymous.as(adminSession(anonymous));
    }

    static Session adminSession(CarMarketClient anonymous) {
        return anonymous.login(ADMIN_EMAIL, ADMIN_PASSWORD);
    }

    /** A new auditor account, created by an admin (auditors do not register themselves), logged in. */
    static CarMarketClient auditor(CarMarketClient anonymous, CarMarketClient admin) {
        return anonymous.as(auditorSession(anonymous, admin));
    }

    static Session auditorSession(CarMarketClient anonymous, CarMarketClient admin) {
        String email = "auditor-" + UUID.randomUUID() + "@test.example";
        ObjectNode account = new ObjectMapper().createObjectNode()
                .put("email", email).put("password", AUDITOR_PASSWORD).put("name", "Auditor");
        assertThat(admin.post("/admin/auditors", account).getStatusCode().value()).isEqualTo(201);
        return anonymous.login(email, AUDITOR_PASSWORD);
    }

    /** The dashboard at {@code pathAndQuery}, which must answer 200. */
    static JsonNode read(CarMarketClient as, String pathAndQuery) {
        ResponseEntity<JsonNode> response = as.get(pathAndQuery);
        assertThat(response.getStatusCode().value()).as("%s: %s", pathAndQuery, response.getBody()).isEqualTo(200);
        return response.getBody();
    }

    /**
     * Waits until the dashboards' projection has handled every event stored so far: its figures are then exact, and
     * a figure read now is a baseline that only later events move.
     */
    static void awaitCaughtUp(CarMarketClient admin) {
        await().atMost(PROJECTION_WAIT).untilAsserted(() -> {
            JsonNode progress = read(admin, "/admin/projections/dashboards");
            assertThat(progress.get("state").asText()).as("%s", progress).isEqualTo("RUNNING");
            assertThat(progress.get("position").asLong()).as("%s", progress)
                    .isEqualTo(progress.get("head").asLong());
        });
    }

    /** The dashboards' "today" and months are UTC. */
    static LocalDate todayUtc() {
        return LocalDate.now(ZoneOffset.UTC);
    }

    static String thisMonth() {
        return YearMonth.now(ZoneOffset.UTC).toString();
    }

    /** A count in a by-status map (every status is present, zero included). */
    static long count(JsonNode dashboard, String map, String status) {
        JsonNode counts = dashboard.get(map);
        assertThat(counts.has(status)).as("%s has %s: %s", map, status, counts).isTrue();
        return counts.get(status).asLong();
    }

    /** The count of {@code month} in a by-month list. */
    static long monthCount(JsonNode dashboard, String list, String month) {
        return find(dashboard.get(list), "month", month).map(entry -> entry.get("count").asLong())
                .orElseThrow(() -> new AssertionError(list + " has no " + month + ": " + dashboard.get(list)));
    }

    /** The dealer's revenue of {@code month} in {@code currency}, zero when none. */
    static BigDecimal revenue(JsonNode dealerDashboard, String month, String currency) {
        JsonNode entry = find(dealerDashboard.get("revenueByMonth"), "month", month)
                .orElseThrow(() -> new AssertionError("revenueByMonth has no " + month));
        JsonNode amount = entry.get("amountByCurrency").get(currency);
        return amount == null ? BigDecimal.ZERO : amount.decimalValue();
    }

    /** The element of {@code list} whose {@code field} is {@code value}. */
    static Optional<JsonNode> find(JsonNode list, String field, String value) {
        return elements(list).stream().filter(element -> value.equals(element.path(field).asText(null))).findFirst();
    }

    static List<String> values(JsonNode list, String field) {
        return elements(list).stream().map(element -> element.get(field).asText()).toList();
    }

    static List<JsonNode> elements(JsonNode list) {
        assertThat(list).as("a list").isNotNull();
        assertThat(list.isArray()).as("a list: %s", list).isTrue();
        return StreamSupport.stream(list.spliterator(), false).toList();
    }

    static String uniqueMake() {
        return "Dash" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    }
}
