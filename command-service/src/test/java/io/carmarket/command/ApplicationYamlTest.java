package io.carmarket.command;

import org.junit.jupiter.api.Test;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.web.ServerProperties;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.bind.BindHandler;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.handler.NoUnboundElementsBindHandler;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

/** command-service's application.yml, read as Spring Boot reads it; no application context of the service. */
class ApplicationYamlTest {

    @Test
    void the_distributed_profile_reads_mongodb_from_the_environment_or_else_the_compose_service() {
        assertThat(mongoUriWithProfiles("distributed"))
                .isEqualTo(System.getenv().getOrDefault("MONGODB_URI", "mongodb://mongo:27017/carmarket"));
    }

    @Test
    void without_a_profile_mongodb_is_the_environments_or_else_a_local_one() {
        assertThat(mongoUriWithProfiles())
                .isEqualTo(System.getenv().getOrDefault("MONGODB_URI", "mongodb://localhost:27017/carmarket"));
    }

    /** A key indented one level too deep under {@code server:} is silently ignored by Spring Boot. */
    @Test
    void every_key_under_server_is_a_property_of_spring_boots_server_in_every_document() throws Exception {
        List<PropertySource<?>> documents =
                new YamlPropertySourceLoader().load("application.yml", new ClassPathResource("application.yml"));

        assertThat(documents).hasSizeGreaterThan(1);
        for (PropertySource<?> document : documents) {
            Binder binder = new Binder(ConfigurationPropertySources.from(document));
            assertThatCode(() -> binder.bind("server", Bindable.of(ServerProperties.class),
                    new NoUnboundElementsBindHandler(BindHandler.DEFAULT)))
                    .as(document.getName()).doesNotThrowAnyException();
        }
    }

    private static String mongoUriWithProfiles(String... profiles) {
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(NoBeans.class)
                .web(WebApplicationType.NONE).bannerMode(Banner.Mode.OFF).logStartupInfo(false)
                .profiles(profiles).run()) {
            return context.getEnvironment().getProperty("spring.data.mongodb.uri");
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class NoBeans {
    }
}
