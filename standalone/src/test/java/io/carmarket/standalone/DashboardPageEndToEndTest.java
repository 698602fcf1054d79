package io.carmarket.standalone;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dashboard page's files over plain HTTP (no browser): public, with a policy that allows only the page's own
 * scripts, styles and connections; the figures themselves stay behind a token.
 */
@StandaloneSystemTest
class DashboardPageEndToEndTest {

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void the_page_is_public_and_allows_only_its_own_scripts_styles_and_connections() throws Exception {
        HttpResponse<String> page = get("/dashboard");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("text/html"));
        assertThat(page.body()).contains("data-stream-status", "/dashboard/dashboard.js");
        String policy = page.headers().firstValue("Content-Security-Policy").orElseThrow();
        assertThat(policy).contains("default-src 'none'", "script-src 'self'", "style-src 'self'",
                "connect-src 'self'", "frame-ancestors 'none'").doesNotContain("unsafe");
    }

    @Test
    void the_page_answers_with_a_trailing_slash_too() throws Exception {
        HttpResponse<String> page = get("/dashboard/");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("data-stream-status");
    }

    @Test
    void the_pages_script_and_style_sheet_are_public() throws Exception {
        assertThat(get("/dashboard/dashboard.js").statusCode()).isEqualTo(200);
        assertThat(get("/dashboard/dashboard.css").statusCode()).isEqualTo(200);
    }

    @Test
    void the_charting_library_is_served_from_its_webjar_under_a_path_without_its_version() throws Exception {
        HttpResponse<String> library = get("/webjars/echarts/dist/echarts.min.js");

        assertThat(library.statusCode()).isEqualTo(200);
        assertThat(library.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).contains("javascript"));
        assertThat(library.headers().firstValue("Cache-Control")).as("kept, and revalidated")
                .hasValue("no-cache");
    }

    @Test
    void the_dashboards_figures_still_need_a_token() throws Exception {
        assertThat(get("/api/v1/dashboards/dealer").statusCode()).isEqualTo(401);
        assertThat(get("/api/v1/dashboards/admin/stream").statusCode()).isEqualTo(401);
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
