package io.carmarket.standalone;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.carmarket.standalone.CarMarketClient.Session;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.ResponseEntity;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dashboard page ({@code /dashboard}) in a real browser: headless Chromium from the operating system's
 * packages, driven by Selenium. Skipped, with how to install it, where Chromium is missing. Each test leaves a
 * screenshot and the browser's console in {@code target/surefire-reports/}.
 */
@StandaloneSystemTest
class DashboardPageBrowserTest {

    /** From a command to the figure on the page: projection, dashboard update, stream, render. */
    private static final Duration LIVE_UPDATE = Duration.ofSeconds(10);
    private static final Duration PAGE_READY = Duration.ofSeconds(20);
    private static final String TEST_ADMIN = "admin@test.carmarket.local";
    private static final String TEST_ADMIN_PASSWORD = "Test-Root-2026!";
    /** Wraps the page's fetch(): each dashboard stream gets a {@code degraded} event after its first dashboard. */
    private static final String DEGRADED_AFTER_FIRST_DASHBOARD = """
            var pageFetch = window.fetch;
            window.fetch = function (url, options) {
              var answer = pageFetch.apply(this, arguments);
              if (String(url).indexOf('/stream') < 0) { return answer; }
              return answer.then(function (response) {
                var decoder = new TextDecoder(), seen = '', added = false;
                var degraded = new TextEncoder().encode('event:degraded\\n'
                    + 'data:{"liveUpdates":"PAUSED","code":"EVENT_STORE_UNAVAILABLE"}\\n\\n');
                var body = response.body.pipeThrough(new TransformStream({
                  transform: function (chunk, controller) {
                    controller.enqueue(chunk);
                    seen += decoder.decode(chunk, {stream: true});
                    if (!added && /event:dashboard[\\s\\S]*\\n\\n/.test(seen)) {
                      added = true;
                      controller.enqueue(degraded);
                    }
                  }
                }));
                return new Response(body, {status: response.status, headers: response.headers});
              });
            };
            """;

    @LocalServerPort
    int port;

    private final LocalDate today = LocalDate.now(ZoneOffset.UTC);
    private CarMarketClient client;
    private HeadlessChromium browser;

    /**
     * Per test, not per class: Surefire reports a class-level assumption as no test at all, without its message,
     * while each test skipped here is listed as skipped with how to install Chromium.
     */
    @BeforeEach
    void chromiumIsInstalled() {
        HeadlessChromium.assumeInstalled();
        client = new CarMarketClient(port);
    }

    @AfterEach
    void keepScreenshotAndConsole(TestInfo test) throws IOException {
        if (browser == null) {
            return;
        }
        try {
            String name = getClass().getSimpleName() + "-" + test.getTestMethod().orElseThrow().getName();
            browser.screenshot(HeadlessChromium.REPORTS.resolve(name + ".png"));
            Files.write(HeadlessChromium.REPORTS.resolve(name + "-console.txt"), browser.consoleMessages());
        } finally {
            browser.close();
        }
    }

    @Test
    void a_booking_of_the_dealers_car_shows_on_the_open_dashboard_without_a_reload() {
        Session dealer = client.newUser("DEALER");
        String carId = client.as(dealer).listCar(client.carListing(uniqueMake()));
        WebDriver page = openDashboardAs(dealer, 1280, 1000);
        awaitFigure(page, "cars-LISTED", "1");
        assertThat(figure(page, "pickups-count")).isEqualTo("0");
        js(page).executeScript("window.sameDocumentSinceBooking = true;");

        CarMarketClient customer = client.as(client.newUser("CUSTOMER"));
        ResponseEntity<JsonNode> booked = customer.book(carId, today.plusDays(2), today.plusDays(4));
        assertThat(booked.getStatusCode().value()).isEqualTo(201);

        awaitFigure(page, "pickups-count", "1");
        assertThat(js(page).executeScript("return window.sameDocumentSinceBooking === true;"))
                .as("the figure changed in the same document: no reload").isEqualTo(true);
        assertThat(page.findElement(By.cssSelector("[data-table='pickups'] tbody")).getText())
                .contains("Golf");
        assertThat(streamStatus(page)).isEqualTo("live");
    }

    @Test
    void the_access_token_is_kept_out_of_browser_storage_and_script_readable_cookies() {
        WebDriver page = openDashboardAs(client.newUser("DEALER"), 1280, 1000);

        Object stored = js(page).executeScript(
                "return [localStorage.length, sessionStorage.length, document.cookie].join('|');");

        assertThat(stored).isEqualTo("0|0|");
    }

    @Test
    void an_admin_sees_the_platform_dashboard_with_its_charts() {
        WebDriver page = openDashboardAs(client.login(TEST_ADMIN, TEST_ADMIN_PASSWORD), 1280, 1000);

        assertThat(page.findElement(By.id("view-admin")).isDisplayed()).isTrue();
        assertThat(figure(page, "platform-cars-LISTED")).matches("\\d[\\d,]*");
        for (String chart : List.of("new-users-by-month", "bookings-by-month", "top-makes-by-listings",
                "top-makes-by-bookings")) {
            assertThat(page.findElements(By.cssSelector("[data-chart='" + chart + "'] canvas")))
                    .as("chart %s is drawn", chart).isNotEmpty();
        }
    }

    @Test
    void an_admin_can_switch_to_their_own_dashboard() {
        WebDriver page = openDashboardAs(client.login(TEST_ADMIN, TEST_ADMIN_PASSWORD), 1280, 1000);

        page.findElement(By.cssSelector("#tabs button[data-view='me']")).click();

        wait(page, PAGE_READY).until(ExpectedConditions.visibilityOfElementLocated(By.id("view-me")));
        awaitLive(page);
        assertThat(page.findElement(By.id("view-admin")).isDisplayed()).isFalse();
        assertThat(figure(page, "my-upcoming-count")).matches("\\d+");
    }

    @Test
    void logging_out_returns_to_the_sign_in_form_and_closes_the_stream() {
        WebDriver page = openDashboardAs(client.newUser("CUSTOMER"), 1280, 1000);

        page.findElement(By.id("logout")).click();

        wait(page, PAGE_READY).until(ExpectedConditions.visibilityOfElementLocated(By.id("login-form")));
        assertThat(page.findElement(By.id("view-me")).isDisplayed()).isFalse();
        assertThat(streamStatus(page)).isEqualTo("offline");
    }

    @Test
    void a_wrong_password_keeps_the_sign_in_form_with_the_reason() {
        Session dealer = client.newUser("DEALER");
        WebDriver page = openSignInForm(1280, 1000);

        signIn(page, dealer.email(), dealer.password() + "-wrong");

        WebElement error = page.findElement(By.id("login-error"));
        wait(page, PAGE_READY).until(driver -> !error.getText().isBlank());
        assertThat(page.findElement(By.id("login-form")).isDisplayed()).isTrue();
        assertThat(streamStatus(page)).isEqualTo("offline");
    }

    @Test
    void on_a_phone_the_dashboard_fits_the_screen_width_in_one_column() {
        WebDriver page = openDashboardAs(client.newUser("DEALER"), 390, 844);

        Object overflow = js(page).executeScript(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
        assertThat(((Number) overflow).intValue()).as("sideways scrolling").isLessThanOrEqualTo(0);
        List<WebElement> panels = page.findElements(By.cssSelector("#view-dealer .panels .panel"));
        assertThat(panels.get(1).getRect().getY())
                .as("the second panel is below the first, not beside it")
                .isGreaterThanOrEqualTo(panels.get(0).getRect().getY() + panels.get(0).getRect().getHeight());
    }

    @Test
    void the_page_runs_without_script_errors_or_content_security_policy_violations() {
        openDashboardAs(client.newUser("DEALER"), 1280, 1000);

        assertThat(browser.consoleMessages())
                .noneMatch(message -> message.contains("Content Security Policy"))
                .noneMatch(message -> message.contains("Uncaught"));
    }

    /**
     * A stream says {@code degraded} when the distributed deployment's Axon Server cannot be reached, which the
     * standalone never does: the page's own stream is passed through, with a {@code degraded} event added after its
     * first dashboard, as query-service sends it.
     */
    @Test
    void a_stream_that_says_degraded_shows_live_updates_paused_and_keeps_the_dashboard() {
        Session dealer = client.newUser("DEALER");
        client.as(dealer).listCar(client.carListing(uniqueMake()));
        WebDriver page = openSignInForm(1280, 1000);
        js(page).executeScript(DEGRADED_AFTER_FIRST_DASHBOARD);

        signIn(page, dealer.email(), dealer.password());

        wait(page, PAGE_READY).until(driver -> "paused".equals(streamStatus(driver)));
        assertThat(page.findElement(By.id("stream-status")).getText()).isEqualTo("live updates paused");
        awaitFigure(page, "cars-LISTED", "1");
        assertThat(browser.consoleMessages()).noneMatch(message -> message.contains("Uncaught"));
    }

    /**
     * The stream is read with fetch() (EventSource cannot send the access token), so the page parses the
     * event-stream format itself: here with comments, CRLF and CR line ends, a CRLF cut between two chunks,
     * multi-line data, an event without data and a field without a space.
     */
    @Test
    void the_page_parses_server_sent_events_cut_anywhere_into_chunks() throws IOException {
        WebDriver page = openSignInForm(1280, 1000);
        List<String> chunks = List.of(
                ": heartbeat\r\n\r\n",
                "id: 7\r",
                "\nevent: dashboard\ndata: {\"a\":",
                "1}\ndata: second line\r\n\r",
                "\nevent: ignored\nid: 8\n\n",
                "data:no space\rretry: 5000\r\r",
                "data: unfinished");

        Object parsed = js(page).executeScript(
                "var events = [], retries = [];"
                        + "var parser = new window.CarMarketDashboard.SseParser("
                        + "  function (event) { events.push(event); }, function (ms) { retries.push(ms); });"
                        + "arguments[0].forEach(function (chunk) { parser.push(chunk); });"
                        + "return JSON.stringify({events: events, retries: retries});", chunks);

        JsonNode result = new ObjectMapper().readTree((String) parsed);
        assertThat(result.get("events").toString()).isEqualTo(
                "[{\"type\":\"dashboard\",\"data\":\"{\\\"a\\\":1}\\nsecond line\",\"id\":\"7\"},"
                        + "{\"type\":\"message\",\"data\":\"no space\",\"id\":\"8\"}]");
        assertThat(result.get("retries").toString()).isEqualTo("[5000]");
    }

    // ---- The page, as a user sees it ---------------------------------------------------------------------------

    private WebDriver openSignInForm(int width, int height) {
        browser = HeadlessChromium.start(width, height);
        WebDriver page = browser.driver();
        page.get("http://localhost:" + port + "/dashboard");
        wait(page, PAGE_READY).until(ExpectedConditions.visibilityOfElementLocated(By.id("login-form")));
        return page;
    }

    /** Signs in on the page and waits until its dashboard is live (its first event shown). */
    private WebDriver openDashboardAs(Session user, int width, int height) {
        WebDriver page = openSignInForm(width, height);
        signIn(page, user.email(), user.password());
        awaitLive(page);
        return page;
    }

    private static void signIn(WebDriver page, String email, String password) {
        page.findElement(By.id("email")).sendKeys(email);
        page.findElement(By.id("password")).sendKeys(password);
        page.findElement(By.id("login-submit")).click();
    }

    private static void awaitLive(WebDriver page) {
        wait(page, PAGE_READY).until(driver -> "live".equals(streamStatus(driver)));
    }

    private static void awaitFigure(WebDriver page, String name, String expected) {
        wait(page, LIVE_UPDATE).withMessage(() -> "figure " + name + " to become " + expected + " (it is "
                + figure(page, name) + ")").until(driver -> expected.equals(figure(driver, name)));
    }

    private static String figure(WebDriver page, String name) {
        return page.findElement(By.cssSelector("[data-figure='" + name + "']")).getText().trim();
    }

    private static String streamStatus(WebDriver page) {
        return page.findElement(By.cssSelector("[data-stream-status]")).getDomAttribute("data-stream-status");
    }

    private static WebDriverWait wait(WebDriver page, Duration timeout) {
        WebDriverWait wait = new WebDriverWait(page, timeout);
        wait.pollingEvery(Duration.ofMillis(100));
        return wait;
    }

    private static JavascriptExecutor js(WebDriver page) {
        return (JavascriptExecutor) page;
    }

    private static String uniqueMake() {
        return "Dash" + UUID.randomUUID().toString().substring(0, 8);
    }
}
