package io.carmarket.standalone;

import io.carmarket.command.identity.IdentityProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** Tells a newcomer where the running system is, once it is ready. */
@Component
public class StartupBanner {

    private static final Logger log = LoggerFactory.getLogger(StartupBanner.class);

    private final WebServerApplicationContext context;
    private final StandaloneProperties properties;
    private final IdentityProperties.Admin admin;

    public StartupBanner(WebServerApplicationContext context, StandaloneProperties properties,
                         IdentityProperties identity) {
        this.context = context;
        this.properties = properties;
        this.admin = identity.admin();
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(2)
    public void announce() {
        String base = "http://localhost:" + context.getWebServer().getPort();
        log.info("""

                ================================================================
                 CarMarket standalone is running
                   API base URL : {}/api/v1
                   Car search   : {}/api/v1/cars
                   Swagger UI   : {}/swagger-ui.html
                   Health       : {}/actuator/health
                   Data dir     : {}{}
                ================================================================""",
                base, base, base, base, properties.dataDir().toAbsolutePath().normalize(), demoLogins());
    }

    private String demoLogins() {
        if (!properties.demoData().enabled()) {
            return "";
        }
        StringBuilder logins = new StringBuilder("\n   Demo logins  : (POST /api/v1/auth/login {\"email\", \"password\"})");
        if (admin != null && admin.isConfigured()) {
            logins.append(String.format("%n     %-8s %-32s %s", "ADMIN", admin.email(), admin.password()));
        }
        DemoData.LOGINS.forEach(login -> logins.append(
                String.format("%n     %-8s %-32s %s", login.role(), login.email(), login.password())));
        return logins.toString();
    }
}
